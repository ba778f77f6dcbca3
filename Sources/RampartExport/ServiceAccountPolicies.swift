import RampartRules

/// The service account rules in CEL.
enum ServiceAccountPolicies {
    static func validation(for rule: any Rule) -> PodValidation? {
        rule is ServiceAccountsDefaultAccount ? defaultAccount : nil
    }

    /// `serviceaccounts.default-account`: the pod names a service account other than `default`
    /// (`serviceAccountName`, else the deprecated `serviceAccount`).
    static let defaultAccount = PodValidation(
        expression: """
            (\(CELFields.isScalar(CELFields.field("variables.podSpec", "serviceAccountName"))) ? variables.podSpec.serviceAccountName \
            : \(CELFields.isScalar(CELFields.field("variables.podSpec", "serviceAccount"))) ? variables.podSpec.serviceAccount : 'default') != 'default'
            """,
        field: "serviceAccountName", detail: "'runs as the namespace\\'s default service account'")
}
