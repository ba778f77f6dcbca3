import RampartModel
import RampartRules
import RampartTenancy

/// A binding of an exported policy to the namespaces of one tenant (or of every tenant).
public struct ExportedBinding: Sendable {
    public var name: String
    public var policyName: String
    /// `Deny` (untrusted tenants, or every namespace without a tenancy file) or `Warn` (trusted tenants).
    public var action: String
    public var namespaceSelector: LabelSelector
    public var tenant: String?
}

/// `rampart vap export`: Rampart's one-object rules as ValidatingAdmissionPolicies with their
/// bindings, and the rules left out with the reason.
public struct PolicyExport: Sendable {
    public var policies: [ExportedPolicy] = []
    public var bindings: [ExportedBinding] = []
    public var notExported: [NotExported] = []

    /// The label the API server puts on every Namespace with its name.
    static let nameLabel = "kubernetes.io/metadata.name"

    /// Exports `rules` (catalog and custom) under `settings` (the platform's namespaces, the registry
    /// allow-list); with `tenancy`, bindings per tenant (Deny for untrusted tenants, Warn for trusted
    /// ones, as the webhook's enforce and warn modes), else one binding per policy that denies in every
    /// namespace but the platform's.
    public init(rules: [any Rule], tenancy: TenancyModel?, settings: RuleSettings) {
        let platform = settings.platformNamespaces
        for rule in rules {
            let result = (rule as? CustomRule).map(CustomRulePolicies.policy(for:)) ?? CatalogPolicies.policy(for: rule, settings: settings)
            switch result {
            case .failure(let reason): notExported.append(reason)
            case .success(let policy):
                let bindings = Self.bindings(of: policy, tenancy: tenancy, platform: platform)
                guard !bindings.isEmpty else {
                    notExported.append(NotExported(rule: rule.metadata.id, reason: tenancy == nil
                        ? "matches tenants by name or trust: give the tenancy file (--tenants) that says where they are"
                        : "matches no tenant of the tenancy file"))
                    continue
                }
                policies.append(policy)
                self.bindings += bindings
            }
        }
    }

    private static func bindings(of policy: ExportedPolicy, tenancy: TenancyModel?, platform: Set<String>) -> [ExportedBinding] {
        guard let tenancy else {
            guard policy.tenants == nil, policy.trust == nil else { return [] }
            let outside = LabelSelector(requirements: [.init(key: nameLabel, op: .notIn, values: platform.sorted())])
            return [ExportedBinding(name: policy.name, policyName: policy.name, action: "Deny", namespaceSelector: outside, tenant: nil)]
        }
        return tenancy.tenants.flatMap { tenant -> [ExportedBinding] in
            let trust = tenant.isUntrusted ? Trust.untrusted : .trusted
            guard policy.tenants?.contains(tenant.name) ?? true, policy.trust?.contains(trust.rawValue) ?? true else { return [] }
            let action = trust == .untrusted ? "Deny" : "Warn"
            var selectors: [LabelSelector] = []
            if !tenant.namespaces.names.isEmpty {
                selectors.append(LabelSelector(requirements: [.init(key: nameLabel, op: .in, values: tenant.namespaces.names)]))
            }
            if let selector = tenant.namespaces.selector { selectors.append(selector) }
            return selectors.enumerated().map { index, selector in
                ExportedBinding(name: "\(policy.name)-\(tenant.name)" + (index == 0 ? "" : "-\(index + 1)"), policyName: policy.name,
                                action: action, namespaceSelector: selector, tenant: tenant.name)
            }
        }
    }

    /// Every policy, then every binding, as YAML documents; comments first count them and list the
    /// rules left out with the reason.
    public var yaml: String {
        let header = ["rampart vap export: \(policies.count) policies, \(bindings.count) bindings"]
            + notExported.map { "not exported: \($0.rule): \($0.reason)" }
        return YAMLWriter.stream(policies.map(PolicyYAML.policy) + bindings.map(PolicyYAML.binding), header: header)
    }
}
