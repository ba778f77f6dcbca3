import RampartModel

/// `resources.missing-ephemeral-storage-limits`: a tenant pod whose use of the node's disk nothing
/// bounds: no container has an ephemeral-storage limit (after LimitRange defaults), so neither its
/// containers' writable layers and logs nor its disk-backed emptyDir volumes without `sizeLimit` are
/// bounded. One container with a limit bounds the pod's total (the kubelet evicts the pod when its
/// containers and emptyDir volumes together use more than the sum of its containers' limits).
public struct ResourcesMissingEphemeralStorageLimits: PodRule {
    public let metadata = RuleMetadata(
        id: "resources.missing-ephemeral-storage-limits",
        title: "Tenant pod whose node-disk use nothing bounds",
        severity: .low, layer: .tenancy,
        standards: ["NSA/CISA: resource policies"],
        rationale: """
            Container writable layers, logs and disk-backed emptyDir volumes live on the node's disk. Without an \
            ephemeral-storage limit on any container of the pod (and without a sizeLimit on its emptyDir volumes) one \
            tenant's pod can fill that disk: the node comes under disk pressure and the kubelet evicts every other \
            tenant's pods that use more than they requested. With a limit the kubelet evicts the offending pod alone.
            """,
        remediation: """
            Set `resources.limits.ephemeral-storage` on the containers, or give the namespace a LimitRange whose \
            Container defaults include `ephemeral-storage` (`rampart tenant new` writes one); give emptyDir volumes a `sizeLimit`.
            """)

    public init() {}

    /// Pods, and LimitRanges: their defaults are applied as the API server would.
    public var reads: Set<ResourceKind> { ResourceKind.podBearing.union([.limitRanges]) }

    static let resource = "ephemeral-storage"

    public func evaluate(_ pod: PodTemplate, in context: AuditContext) -> [Violation] {
        guard context.isTenantNamespace(pod.namespace) else { return [] }
        let limitRanges = context.limitRanges(in: pod.namespace)
        let containers = pod.containers.filter { $0.kind != .ephemeralContainer }
        let resources = containers.map { EffectiveResources(container: $0, podSpec: pod.spec, limitRanges: limitRanges) }
        guard !containers.isEmpty, !resources.contains(where: { $0.limit(Self.resource) != nil }) else { return [] }
        let unbounded = pod.containerViolations([.initContainer, .container], field: "resources") { container in
            "\(container.label) has no ephemeral-storage limit, nor has any other container of the pod: its writable layer and logs can fill the node's disk"
        }
        let volumes = (pod.spec["volumes"]?.items ?? []).enumerated().compactMap { index, volume -> Violation? in
            guard let emptyDir = volume["emptyDir"], emptyDir["sizeLimit"] == nil, emptyDir["medium"]?.string != "Memory" else { return nil }
            return Violation(object: pod.object, path: pod.specPath.appending("volumes").appending(index: index).appending("emptyDir"),
                             message: "emptyDir volume \"\(volume["name"]?.string ?? "")\" has no sizeLimit and no container of the pod an ephemeral-storage limit: it can fill the node's disk")
        }
        return unbounded + volumes
    }
}
