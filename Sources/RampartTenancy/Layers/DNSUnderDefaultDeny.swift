import RampartModel
import RampartNetwork

/// Name resolution in a tenant namespace whose egress is denied by default: its pods still need TCP
/// or UDP 53 to the cluster DNS pods (`k8s-app: kube-dns` in `kube-system`). One evidence item per
/// such namespace, under the tiered decision; nothing when no DNS pods (or no pods of the
/// namespace) are among the inputs.
enum DNSUnderDefaultDeny {
    static func evaluate(_ namespace: String, _ context: TenancyContext, _ layer: inout LayerBuilder) {
        let pods = context.network.pods
        let dns = context.network.pods(inNamespace: "kube-system").filter { pods[$0].labels["k8s-app"] == "kube-dns" }
        let destinations = dns.flatMap { index in [NetworkProtocol.udp, .tcp].map { (endpoint: Endpoint.pod(index), proto: $0, port: 53) } }
        let members = context.network.pods(inNamespace: namespace)
        guard !dns.isEmpty, !members.isEmpty else { return }
        let anchor = context.representative(of: namespace)
        let path = anchor.map(TenancyContext.namespacePath) ?? FieldPath()
        for pod in members {
            switch context.network.reachAny(from: .pod(pod), to: destinations).verdict {
            case .allowed:
                continue
            case .denied:
                layer.warn("\(namespace): egress is denied by default and DNS is not allowed: pods cannot resolve names (\(pods[pod].id) reaches no cluster DNS pod on TCP or UDP 53)",
                           anchor, path)
                return
            case .unknown(let reason):
                layer.warn("\(namespace): egress is denied by default and whether \(pods[pod].id) can reach the cluster DNS pods on port 53 is unknown: \(reason)",
                           anchor, path)
                return
            }
        }
        layer.pass("\(namespace): DNS allowed (TCP or UDP 53 to the cluster DNS pods), everything else denied by default", anchor, path)
    }
}
