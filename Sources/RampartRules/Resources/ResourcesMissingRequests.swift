import RampartModel

/// `resources.missing-requests`: a container without CPU or memory requests, after pod-level
/// resources and admission defaults.
public struct ResourcesMissingRequests: PodRule {
    public let metadata = RuleMetadata(
        id: "resources.missing-requests",
        title: "Container without CPU or memory requests",
        severity: .low, layer: .tenancy,
        standards: ["NSA/CISA: resource policies"],
        rationale: """
            Without requests the scheduler packs pods blind and the pod is first to be evicted; quotas on \
            requests cannot be enforced fairly between tenants.
            """,
        remediation: """
            Set `resources.requests.cpu` and `resources.requests.memory` on the container or for the whole pod \
            (`spec.resources.requests`, Kubernetes 1.34+), or LimitRange `defaultRequest`s.
            """)

    public init() {}

    /// Pods, and more: pod-level resources and LimitRange defaults are applied as the API server would.
    public var reads: Set<ResourceKind> { ResourceKind.podBearing.union([.limitRanges]) }

    public func evaluate(_ pod: PodTemplate, in context: AuditContext) -> [Violation] {
        pod.containerViolations([.initContainer, .container], field: "resources") { container -> (message: String, notes: [String])? in
            let resources = EffectiveResources(container: container, podSpec: pod.spec, limitRanges: context.limitRanges(in: pod.namespace))
            let missing = ["cpu", "memory"].filter { resources.request($0) == nil }
            guard !missing.isEmpty else { return nil }
            return ("\(container.label) has no \(missing.joined(separator: " or ")) request", resources.appliedDefaults)
        }
    }
}
