import RampartModel
import RampartTenancy

/// `tenancy.host-user-namespace`: Untrusted code runs unsandboxed in the node's user namespace.
public struct TenancyHostUserNamespace: TenancyGapRule {
    public let metadata = RuleMetadata(
        id: "tenancy.host-user-namespace",
        title: "Untrusted code runs unsandboxed in the node's user namespace",
        severity: .high, layer: .node,
        standards: ["NSA/CISA: multi-tenancy", "Kubernetes: user namespaces (hostUsers, GA 1.36)"],
        rationale: """
            Without a sandbox, a container escape lands on the node's kernel. With `hostUsers: false` the pod runs in a user namespace of its own: UID 0 in its containers maps to an unprivileged UID on the node, so an escape (or a writable host path) yields no node root, and capabilities apply to the pod's own namespace only.
            """,
        remediation: """
            Run the tenant's workloads in a sandboxed RuntimeClass; where a sandbox is not available, set `hostUsers: false` in their pod specs (nodes need Linux 6.3+ and a runtime with idmap mounts).
            """)

    public init() {}

    var kind: TenancyGap.Kind { .hostUserNamespace }

    func violation(for gap: TenancyGap) -> Violation? {
        guard case .hostUserNamespace(let site, let workload) = gap else { return nil }
        return Violation(site, "\(workload) of untrusted tenant \(site.tenant) runs without a sandbox in the node's user namespace (hostUsers is not false)")
    }
}
