import RampartRBAC

/// The answer of `rampart rbac can-i`: whether the user may make the request, and every grant that
/// allows it. JSON: `{"allowed":bool, "via":[…]}` (DESIGN.md). A denied request fails the run.
public struct RBACCanIAnswer: RBACAnswer {
    public let allowed: Bool
    /// Every grant that allows the request, `system:masters` first, then by binding.
    public let via: [Grant]
    public let unresolved: [UnresolvedBinding]

    public init(_ decision: RampartRBAC.Decision) {
        allowed = decision.allowed
        via = decision.via
        unresolved = decision.unresolved
    }

    private enum CodingKeys: String, CodingKey { case allowed, via }

    public var grants: [Grant] { via }
    public var failed: Bool { !allowed }

    /// `yes` or `no`, then one `via` line per grant.
    public var text: String {
        ([allowed ? "yes" : "no"] + via.map { "  via " + $0.explanation }).joined(separator: "\n")
    }
}
