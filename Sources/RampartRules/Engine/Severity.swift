/// How bad a finding is. Ordered: `critical` is the highest.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case critical, high, medium, low, info

    /// 4 for critical down to 0 for info.
    public var rank: Int {
        switch self {
        case .critical: 4
        case .high: 3
        case .medium: 2
        case .low: 1
        case .info: 0
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// The isolation layer a rule protects.
public enum Layer: String, Sendable, Codable, CaseIterable {
    case node
    case controlPlane = "control-plane"
    case network, pod, container, secrets, tenancy
}
