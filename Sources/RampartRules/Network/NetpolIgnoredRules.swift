import RampartModel

/// `netpol.ignored-rules`: a NetworkPolicy with rules for a direction its `policyTypes` leaves out.
public struct NetpolIgnoredRules: Rule {
    public let metadata = RuleMetadata(
        id: "netpol.ignored-rules",
        title: "Network policy rules ignored because policyTypes leaves their direction out",
        severity: .medium, layer: .network,
        standards: ["NSA/CISA: network separation"],
        rationale: """
            A policy applies only in the directions its `policyTypes` lists. Rules written for a \
            direction left out are kept by the API server and enforced by nobody: the author believes \
            the traffic is restricted (or allowed) when it is not.
            """,
        remediation: "Add the direction to `spec.policyTypes`, or delete the rules written for it.")

    public init() {}

    public var reads: Set<ResourceKind> { [.networkPolicies] }

    public func evaluate(in context: AuditContext) -> [Violation] {
        context.inventory.objects(ofKind: "NetworkPolicy", group: "networking.k8s.io").flatMap(violations)
    }

    /// Only an explicit `policyTypes` can leave a direction out: without one the API server
    /// defaults it from the rules present.
    private func violations(_ object: KubeObject) -> [Violation] {
        guard let spec = object.root["spec"], let listed = spec["policyTypes"]?.items else { return [] }
        let types = Set(listed.compactMap(\.string))
        return [("ingress", "Ingress"), ("egress", "Egress")].compactMap { field, type in
            guard !types.contains(type), let rules = spec[field]?.items, !rules.isEmpty else { return nil }
            let written = "\(listed.compactMap(\.string).joined(separator: ", "))"
            return Violation(object: object, path: FieldPath([.key("spec"), .key(field)]),
                             message: "policy has \(rules.count) \(field) rule(s), but policyTypes [\(written)] leaves \(type) out: they are ignored")
        }
    }
}
