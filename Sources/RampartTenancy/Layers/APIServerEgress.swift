import RampartModel
import RampartNetwork

/// Egress to the Kubernetes API server, per workload of a tenant, under the tiered decision: pods
/// on the host network reach it whatever the policies say; the others as the policies decide for
/// its endpoints (`APIServerEndpoints`). For an untrusted tenant a reachable API server is a
/// warning of the network layer and a `tenancy.api-server-egress` gap; for a trusted one it is
/// noted. Nothing is said when the inputs hold neither the `kubernetes` Service nor its endpoints.
enum APIServerEgress {
    static func evaluate(_ tenant: Tenant, _ members: Set<String>, _ context: TenancyContext, _ layer: inout LayerBuilder) {
        let targets = context.apiServer.targets
        guard !targets.isEmpty else { return }
        let hostNetwork = Set(context.pods(in: members).filter { $0.spec["hostNetwork"]?.bool == true }.map(\.object.reference))
        var judged: Set<WorkloadID> = []
        for (index, pod) in context.network.pods.enumerated() where members.contains(pod.namespace) {
            guard judged.insert(pod.workload).inserted else { continue }
            let anchor = context.objectOfWorkload[pod.workload] ?? pod.object
            if hostNetwork.contains(anchor.reference) {
                report(pod.workload, anchor, target: targets[0], how: "from the host network, where no network policy applies", tenant, &layer)
                continue
            }
            let (verdict, target) = context.network.apiServerReach(from: index, to: targets)
            switch verdict {
            case .allowed:
                report(pod.workload, anchor, target: target ?? targets[0], how: "the network policies allow it", tenant, &layer)
            case .denied:
                layer.pass("\(pod.workload) cannot reach the API server (\(targets.map(\.description).joined(separator: ", ")))", anchor)
            case .unknown(let reason):
                layer.warn("whether \(pod.workload) can reach the API server is unknown: \(reason)", anchor, "metadata.name")
            }
        }
    }

    private static func report(_ workload: WorkloadID, _ anchor: KubeObject, target: APIServerEndpoints.Target, how: String,
                               _ tenant: Tenant, _ layer: inout LayerBuilder) {
        let text = "\(workload) can connect to the API server at \(target) (\(how))"
        guard tenant.spec.isUntrusted else {
            layer.pass(text, anchor)
            return
        }
        layer.warn(text, anchor, "metadata.name", rules: [.gap(.apiServerEgress)])
        layer.report(.apiServerEgress(layer.site(anchor, "metadata.name"), workload: workload.description,
                                      address: target.description, how: how))
    }
}
