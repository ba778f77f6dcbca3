import RampartModel
import RampartTenancy

/// `tenancy.unsandboxed-untrusted-code`: Code that needs hard isolation runs without a sandboxed runtime.
public struct TenancyUnsandboxedUntrustedCode: TenancyGapRule {
    public let metadata = RuleMetadata(
        id: "tenancy.unsandboxed-untrusted-code",
        title: "Code that needs hard isolation runs without a sandboxed runtime",
        severity: .high, layer: .node,
        standards: ["NSA/CISA: multi-tenancy"],
        rationale: """
            Containers share the node's kernel: one kernel exploit by untrusted code gives it the node and every pod on it. A sandboxed runtime (gVisor, Kata Containers, Firecracker) puts a kernel of its own between the code and the node.
            """,
        remediation: """
            Set runtimeClassName to a sandboxed RuntimeClass (e.g. gvisor with handler runsc) on every workload of the tenant, and give the RuntimeClass the scheduling of the tenant's node pool.
            """)

    public init() {}

    var kind: TenancyGap.Kind { .unsandboxedUntrustedCode }

    func violation(for gap: TenancyGap) -> Violation? {
        guard case .unsandboxedUntrustedCode(let site, let workload) = gap else { return nil }
        return Violation(site, "\(workload) of tenant \(site.tenant) runs code that needs hard isolation without a sandboxed RuntimeClass (gVisor, Kata)")
    }
}
