import RampartModel
import RampartRules

/// The catalog rules as policies: each family's CEL forms (pods, Services, Ingresses, Namespaces, roles),
/// and for every other rule the reason it does not export.
enum CatalogPolicies {
    /// The policy of catalog rule `rule`, or the reason it does not export.
    static func policy(for rule: any Rule, settings: RuleSettings) -> Result<ExportedPolicy, NotExported> {
        guard rule.scope.judgesOneObject else {
            return .failure(NotExported(rule: rule.metadata.id, reason: "judges the whole inventory (bindings, policies, tenants), not one object"))
        }
        let platform = settings.platformNamespaces
        if let validation = ExposurePolicies.validation(for: rule) ?? NamespacePolicies.validation(for: rule, platform: platform)
            ?? RBACPolicies.validation(for: rule) {
            return .success(policy(rule, validation))
        }
        guard let validation = podValidation(for: rule, settings: settings) else {
            return .failure(NotExported(rule: rule.metadata.id, reason: NotExportedReasons.reason(for: rule) ?? "judges one object, but CEL cannot express it"))
        }
        let message = "'\(rule.metadata.id) at ' + variables.specPath + '.\(validation.field): ' + \(validation.detail)"
        let expression = "variables.podSpec == null || (\(validation.expression))"
        let read = [expression, message] + validation.variables.map(\.expression)
        return .success(ExportedPolicy(rule: rule.metadata, resources: PodSpecExpressions.resources, operations: ["CREATE", "UPDATE"],
                                       namespaceSelector: LabelSelector(), objectSelector: LabelSelector(),
                                       variables: PodSpecExpressions.variables(platform: platform, readBy: read) + validation.variables,
                                       validations: [.init(expression: expression, messageExpression: message)],
                                       tenants: nil, trust: nil))
    }

    private static func policy(_ rule: any Rule, _ validation: ObjectValidation) -> ExportedPolicy {
        ExportedPolicy(rule: rule.metadata, resources: validation.resources, operations: ["CREATE", "UPDATE"],
                       namespaceSelector: LabelSelector(), objectSelector: LabelSelector(), variables: validation.variables,
                       validations: [.init(expression: validation.expression, messageExpression: "'\(rule.metadata.id)' + \(validation.message)")],
                       tenants: nil, trust: nil)
    }

    /// The CEL form of a pod rule, when it has one.
    static func podValidation(for rule: any Rule, settings: RuleSettings) -> PodValidation? {
        if let check = rule as? PodSecurityCheckRule {
            return PodSecurityBaselinePolicies.checks[check.check] ?? PodSecurityRestrictedPolicies.checks[check.check]
        }
        return ImagePolicies.validation(for: rule, settings: settings) ?? ContainerPolicies.validation(for: rule)
            ?? ServiceAccountPolicies.validation(for: rule) ?? SecretPolicies.validation(for: rule)
    }
}

/// A rule left out of the export, and why.
public struct NotExported: Error, Sendable, Hashable {
    public var rule: String
    public var reason: String
}
