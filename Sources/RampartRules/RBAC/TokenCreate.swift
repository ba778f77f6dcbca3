import RampartModel

/// `rbac.token-create`: a binding lets a non-system subject mint service account tokens.
struct TokenCreate: PermissionRule {
    let metadata = RuleMetadata(
        id: "rbac.token-create",
        title: "Create service account tokens",
        severity: .high,
        layer: .controlPlane,
        standards: ["CIS 5.1.13", "NSA/CISA: RBAC least privilege"],
        rationale: "Creating serviceaccounts/token issues a token for any service account in scope, and so grants that account's permissions.",
        remediation: "Grant serviceaccounts/token create only to components that broker tokens, restricted with resourceNames.")

    let permissions = Permission.requests(["create"], ["serviceaccounts/token"])
}
