import RampartModel
import RampartRBAC

/// `rbac.wildcard-rules`: a Role or ClusterRole rule uses `*` for verbs, API groups, resources or URLs.
public struct WildcardRules: ObjectRule {
    public let metadata = RuleMetadata(
        id: "rbac.wildcard-rules",
        title: "Wildcard in a role rule",
        severity: .medium,
        layer: .controlPlane,
        standards: ["CIS 5.1.3", "NSA/CISA: RBAC least privilege"],
        rationale: "`*` grants every present and future verb, group or resource, including ones added later by CRDs and new Kubernetes versions (escalate, bind, impersonate, nodes/proxy…).",
        remediation: "List the verbs, API groups and resources the subject needs.")

    public let kinds = ["Role", "ClusterRole"]

    public init() {}

    public func evaluate(_ object: KubeObject, in context: AuditContext) -> [Violation] {
        guard object.reference.group == RBACPolicy.group, !BootstrapPolicy.isBootstrapObject(object),
              object.root["aggregationRule"] == nil else { return [] }
        let fields = ["verbs", "apiGroups", "resources", "nonResourceURLs"]
        return (object.root["rules"]?.items ?? []).enumerated().compactMap { index, node in
            let rule = PolicyRule(node)
            let wild = fields.filter { field in
                switch field {
                case "verbs": rule.verbs.contains(PolicyRule.all)
                case "apiGroups": rule.apiGroups.contains(PolicyRule.all)
                case "resources": rule.resources.contains(PolicyRule.all)
                default: rule.nonResourceURLs.contains(PolicyRule.all)
                }
            }
            guard let first = wild.first else { return nil }
            return Violation(object: object, path: FieldPath([.key("rules"), .index(index), .key(first)]),
                             message: "\(object.kind) \(object.name) rules[\(index)] uses '*' for \(wild.joined(separator: ", ")): \(rule.summary)")
        }
    }
}
