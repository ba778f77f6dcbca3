/// A Pod Security Standards level, from the least to the most restrictive.
public enum PolicyLevel: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case privileged, baseline, restricted

    /// The level named by `text`, exactly as `api.ParseLevel` accepts it (case-sensitive), or nil.
    public init?(parsing text: String) {
        self.init(rawValue: text)
    }

    private var strictness: Int {
        switch self {
        case .privileged: 0
        case .baseline: 1
        case .restricted: 2
        }
    }

    public static func < (lhs: PolicyLevel, rhs: PolicyLevel) -> Bool {
        lhs.strictness < rhs.strictness
    }
}
