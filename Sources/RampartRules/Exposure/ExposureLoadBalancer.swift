import RampartModel

/// `exposure.load-balancer`: a Service of type LoadBalancer.
public struct ExposureLoadBalancer: ObjectRule {
    public let metadata = RuleMetadata(
        id: "exposure.load-balancer",
        title: "Service exposed through a cloud load balancer",
        severity: .medium, layer: .network,
        standards: ["NSA/CISA: network separation"],
        rationale: """
            A LoadBalancer gets a public address in most clouds within minutes; an unauthenticated \
            notebook or dashboard behind it is found and abused (crypto miners) within the hour.
            """,
        remediation: """
            Publish through the platform's ingress with TLS and authentication, or restrict \
            `loadBalancerSourceRanges` and use an internal load balancer annotation.
            """)

    public let kinds = ["Service"]

    public init() {}

    public func evaluate(_ object: KubeObject, in context: AuditContext) -> [Violation] {
        guard object.reference.group.isEmpty, object.root["spec"]?["type"]?.string == "LoadBalancer" else { return [] }
        let ranges = object.root["spec"]?["loadBalancerSourceRanges"]?.items.compactMap(\.string) ?? []
        let open = ranges.isEmpty || ranges.contains("0.0.0.0/0") || ranges.contains("::/0")
        return [Violation(object: object, path: "spec.type",
                          message: open ? "Service is a LoadBalancer open to any source address"
                                        : "Service is a LoadBalancer limited to \(ranges.joined(separator: ", "))")]
    }
}
