import RampartRules

/// Why each catalog rule that judges one object has no CEL form, keyed by the rule's type (a rule
/// ID is spelled in its own file only).
enum NotExportedReasons {
    /// The reason `rule` does not export, when it is one of the rules known not to.
    static func reason(for rule: any Rule) -> String? {
        switch rule {
        case is ImagesUntrustedRegistry: "no registry allow-list is configured (`registries:` in the configuration): the rule is off"
        case is ImagesVulnerable: "matches images to scanner reports (`--vulnerabilities`, VulnerabilityReports), which are not part of the object"
        case is ImagesSignatureNotVerified:
            """
            depends on the cluster's signature verification policies (Kyverno, sigstore policy-controller, Ratify, \
            Connaisseur), other objects that a policy cannot read
            """
        case is ServiceAccountsTokenAutomount:
            """
            an unset automountServiceAccountToken is decided by the pod's ServiceAccount, another object: a policy's \
            params are chosen by its binding, not by the pod's serviceAccountName
            """
        case is ResourcesMissingLimits, is ResourcesMissingRequests, is ResourcesMissingEphemeralStorageLimits: limitRanges
        case is SecretsLiteralInEnv, is SecretsLiteralInConfigMap: credentialShape
        default: nil
        }
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
}
