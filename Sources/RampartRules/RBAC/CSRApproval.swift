import RampartModel

/// `rbac.csr-approval`: a ClusterRoleBinding lets a non-system subject approve certificate signing requests.
struct CSRApproval: PermissionRule {
    let metadata = RuleMetadata(
        id: "rbac.csr-approval",
        title: "Approve certificate signing requests",
        severity: .high,
        layer: .controlPlane,
        standards: ["CIS 5.1.11", "NSA/CISA: RBAC least privilege"],
        rationale: "Approving a CSR (with `approve` on the signer) issues a client certificate for any user name and group, system:masters included.",
        remediation: "Leave CSR approval to the controller manager and to dedicated approvers restricted to their signers.")

    let permissions = Permission.requests(["update", "patch"], group: "certificates.k8s.io", ["certificatesigningrequests/approval"], clusterScoped: true)
}
