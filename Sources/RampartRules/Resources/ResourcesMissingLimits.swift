import RampartModel

/// `resources.missing-limits`: a container without CPU or memory limits, after pod-level resources
/// and LimitRange defaults.
public struct ResourcesMissingLimits: PodRule {
    public let metadata = RuleMetadata(
        id: "resources.missing-limits",
        title: "Container without CPU or memory limits",
        severity: .medium, layer: .tenancy,
        standards: ["NSA/CISA: resource policies"],
        rationale: """
            A container without limits can take a whole node's memory or CPU: the noisy neighbour that \
            evicts or starves every other tenant's pods on that node.
            """,
        remediation: """
            Set `resources.limits.cpu` and `resources.limits.memory` on the container or for the whole pod \
            (`spec.resources.limits`, Kubernetes 1.34+), or give the namespace a LimitRange with defaults.
            """)

    public init() {}

    /// Pods, and more: pod-level resources and LimitRange defaults are applied as the API server would.
    public var reads: Set<ResourceKind> { ResourceKind.podBearing.union([.limitRanges]) }

    public func evaluate(_ pod: PodTemplate, in context: AuditContext) -> [Violation] {
        pod.containerViolations([.initContainer, .container], field: "resources") { container -> (message: String, notes: [String])? in
            let resources = EffectiveResources(container: container, podSpec: pod.spec, limitRanges: context.limitRanges(in: pod.namespace))
            let missing = ["cpu", "memory"].filter { resources.limit($0) == nil }
            guard !missing.isEmpty else { return nil }
            return ("\(container.label) has no \(missing.joined(separator: " or ")) limit", resources.appliedDefaults)
        }
    }
}
