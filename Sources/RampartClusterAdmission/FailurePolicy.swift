/// What the API server does when a policy cannot be evaluated (an expression that does not compile
/// or fails, params that cannot be found): `Fail` (the default) rejects the request, `Ignore` lets it through.
public enum FailurePolicy: String, Sendable, Codable {
    case fail = "Fail", ignore = "Ignore"
}

/// What a binding does with a failed validation: `Deny` rejects the request, `Warn` returns a
/// warning to the client, `Audit` records it in the audit event.
public enum ValidationAction: String, Sendable, Codable, Comparable {
    case deny = "Deny", warn = "Warn", audit = "Audit"

    private var rank: Int {
        switch self {
        case .deny: return 0
        case .warn: return 1
        case .audit: return 2
        }
    }

    public static func < (lhs: ValidationAction, rhs: ValidationAction) -> Bool { lhs.rank < rhs.rank }
}
