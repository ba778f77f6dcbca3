import RampartModel

/// `rbac.secrets-read`: a binding lets a non-system subject read Secrets.
struct SecretsRead: PermissionRule {
    let metadata = RuleMetadata(
        id: "rbac.secrets-read",
        title: "Read access to Secrets",
        severity: .high,
        layer: .controlPlane,
        standards: ["CIS 5.1.2", "NSA/CISA: RBAC least privilege", "MITRE ATT&CK: List Kubernetes secrets"],
        rationale: "Secrets hold credentials, among them service account tokens: whoever reads them acts as those accounts. `list` and `watch` return the contents as `get` does.",
        remediation: "Grant get on named Secrets (resourceNames) to the workloads that need them; mount secrets instead of reading them through the API; never grant list/watch on secrets to tenants cluster-wide.")

    let permissions = Permission.requests(["get", "list", "watch"], ["secrets"])
}
