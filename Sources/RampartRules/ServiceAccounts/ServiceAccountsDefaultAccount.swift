import RampartModel

/// `serviceaccounts.default-account`: a workload runs as its namespace's `default` service account.
public struct ServiceAccountsDefaultAccount: PodRule {
    public let metadata = RuleMetadata(
        id: "serviceaccounts.default-account",
        title: "Workload runs as the default service account",
        severity: .low, layer: .controlPlane,
        standards: ["CIS 5.1.5", "NSA/CISA: authentication and authorization"],
        rationale: """
            Every pod of the namespace that names no service account shares `default`. A permission granted \
            to one of them is granted to all, and nobody can tell which workload needs it.
            """,
        remediation: "Create a dedicated ServiceAccount per workload and set `serviceAccountName`.")

    public init() {}

    public func evaluate(_ pod: PodTemplate, in context: AuditContext) -> [Violation] {
        guard pod.serviceAccountName == "default" else { return [] }
        let named = pod.spec["serviceAccountName"] != nil
        return [Violation(object: pod.object, path: pod.specPath.appending("serviceAccountName"),
                          message: named ? "workload names the 'default' service account"
                                         : "workload names no service account, so it runs as 'default'")]
    }
}
