/// How hard a tenant is isolated from the others, from nothing to a sandbox on dedicated nodes.
public enum IsolationLevel: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Some layer lets other tenants in (or the tenant out).
    case none
    /// Namespace, RBAC, Pod Security, quota and network policy; nodes shared with other tenants.
    case soft
    /// Soft, and the tenant's pods run on a dedicated (tainted) node pool.
    case softAffinity = "soft-affinity"
    /// Soft affinity, and every pod runs in a sandboxed runtime (gVisor, Kata, Firecracker) under
    /// Pod Security `restricted`; or a cluster of its own.
    case hard

    private var rank: Int {
        switch self {
        case .none: 0
        case .soft: 1
        case .softAffinity: 2
        case .hard: 3
        }
    }

    public static func < (lhs: IsolationLevel, rhs: IsolationLevel) -> Bool { lhs.rank < rhs.rank }
}

/// How far a tenant is trusted.
public enum Trust: String, Sendable, Hashable, Codable, CaseIterable {
    /// A team of the same organisation.
    case trusted
    /// A customer, or anyone whose code nobody audited.
    case untrusted
}
