import RampartRBAC

/// The answer of `rampart rbac can-i`: whether the user may make the request, and every grant that
/// allows it. JSON: `{"allowed":bool, "via":[…]}` (DESIGN.md), and `"unknown":true, "unknownBecause":…`
/// when RBAC does not allow it but a webhook authorizer may. A request not known to be allowed fails the run.
public struct RBACCanIAnswer: RBACAnswer {
    public let allowed: Bool
    /// Every grant that allows the request, `system:masters` first, then by binding.
    public let via: [Grant]
    public let unresolved: [UnresolvedBinding]
    /// Why a request RBAC does not allow may still be allowed (a webhook authorizer); nil when RBAC's no is final.
    public let unknownBecause: String?

    /// `webhookCaveat`: see `AuthorizerChain.webhookCaveat`.
    public init(_ decision: RampartRBAC.Decision, webhookCaveat: String? = nil) {
        allowed = decision.allowed
        via = decision.via
        unresolved = decision.unresolved
        unknownBecause = decision.allowed ? nil : webhookCaveat
    }

    private enum CodingKeys: String, CodingKey { case allowed, via, unknown, unknownBecause }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(allowed, forKey: .allowed)
        try container.encode(via, forKey: .via)
        if let unknownBecause {
            try container.encode(true, forKey: .unknown)
            try container.encode(unknownBecause, forKey: .unknownBecause)
        }
    }

    public var grants: [Grant] { via }
    public var failed: Bool { !allowed }

    /// `yes`, `no` or `unknown: …`, then one `via` line per grant.
    public var text: String {
        let answer = allowed ? "yes" : unknownBecause.map { "unknown: RBAC does not allow it, but \($0)" } ?? "no"
        return ([answer] + via.map { "  via " + $0.explanation }).joined(separator: "\n")
    }
}
