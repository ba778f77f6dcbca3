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
            return .failure(NotExported(rule: rule.metadata.id, reason: reasons[rule.metadata.id] ?? "judges one object, but CEL cannot express it"))
        }
        let message = "'\(rule.metadata.id) at ' + variables.specPath + '.\(validation.field): ' + \(validation.detail)"
        return .success(ExportedPolicy(rule: rule.metadata, resources: PodSpecExpressions.resources, operations: ["CREATE", "UPDATE"],
                                       namespaceSelector: LabelSelector(), objectSelector: LabelSelector(),
                                       variables: PodSpecExpressions.variables(platform: platform) + validation.variables,
                                       validations: [.init(expression: "variables.podSpec == null || (\(validation.expression))",
                                                           messageExpression: message)],
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

    private static let limitRanges = """
            the namespace's LimitRange defaults decide (0..n other objects a policy cannot read; the API server applies \
            them to Pods before validation, but not to workload templates)
            """

    private static let credentialShape = """
            the credential heuristic measures values character by character (distinct and most repeated characters, \
            character classes of up to 16 KiB of key material, PEM labels): quadratic in CEL, far over the cost budget, \
            and a denial message must not echo the value
            """

    /// Why each rule that judges one object has no CEL form.
    static let reasons: [String: String] = [
        "images.untrusted-registry": "no registry allow-list is configured (`registries:` in the configuration): the rule is off",
        "images.vulnerable": "matches images to scanner reports (`--vulnerabilities`, VulnerabilityReports), which are not part of the object",
        "images.signature-not-verified": """
            depends on the cluster's signature verification policies (Kyverno, sigstore policy-controller, Ratify, \
            Connaisseur), other objects that a policy cannot read
            """,
        "serviceaccounts.token-automount": """
            an unset automountServiceAccountToken is decided by the pod's ServiceAccount, another object: a policy's \
            params are chosen by its binding, not by the pod's serviceAccountName
            """,
        "resources.missing-limits": limitRanges,
        "resources.missing-requests": limitRanges,
        "secrets.literal-in-env": credentialShape,
        "secrets.literal-in-configmap": credentialShape,
    ]
}

/// A rule left out of the export, and why.
public struct NotExported: Error, Sendable, Hashable {
    public var rule: String
    public var reason: String
}
