/// A rule of a policy, named for explanations.
public struct RuleReference: Sendable, Hashable, Comparable, Codable {
    /// The policy's id: `namespace/name` for a NetworkPolicy, `Kind name` for the other kinds.
    public let policy: String
    public let direction: TrafficDirection
    public let index: Int
    /// The rule's own name, when its kind has one.
    public let name: String?

    public init(policy: String, direction: TrafficDirection, index: Int, name: String? = nil) {
        self.policy = policy
        self.direction = direction
        self.index = index
        self.name = name
    }

    public static func < (lhs: RuleReference, rhs: RuleReference) -> Bool {
        (lhs.policy, lhs.direction.rawValue, lhs.index) < (rhs.policy, rhs.direction.rawValue, rhs.index)
    }

    /// `ns/policy ingress[0]`, with the rule's name when it has one: `AdminNetworkPolicy p egress[1] (deny-all)`.
    public var text: String { "\(policy) \(direction.field)[\(index)]" + (name.map { " (\($0))" } ?? "") }
}

/// The verdict on one connection or one side of it.
public enum ConnectionVerdict: Sendable, Hashable {
    case allowed
    case denied
    /// Rampart cannot decide, for the reason given.
    case unknown(String)
}

extension ConnectionVerdict {
    /// `allowed`, `denied` or `unknown`.
    public var word: String {
        switch self {
        case .allowed: "allowed"
        case .denied: "denied"
        case .unknown: "unknown"
        }
    }
}

/// The verdict of one side of a connection: the source's egress or the destination's ingress.
public struct SideDecision: Sendable, Hashable {
    public let direction: TrafficDirection
    /// Application-tier policies that select the pod in this direction; empty: not isolated.
    public let selectedBy: [String]
    /// Rules of every tier whose peers match the other end, whatever their ports, in evaluation order.
    public let matchingRules: [RuleReference]
    /// Allow rules whose peers and ports match this very connection, whatever rules before them decide.
    public let allowedBy: [RuleReference]
    /// The rule that decided this side; nil when a default did (isolation, or allowed when nothing decides).
    public let decidedBy: RuleReference?
    /// The tier of `decidedBy`.
    public let tier: PolicyTier?
    public let verdict: ConnectionVerdict
    /// Why, in one sentence.
    public let reason: String
    /// What compiling the policies whose rules match this connection noted: defaults applied, parts
    /// not modelled (Cilium's L7 rules, say).
    public let notes: [String]

    public var allowed: Bool { verdict == .allowed }
}

/// The decision for one connection, with both sides explained (a side is nil for an address
/// outside the cluster, which no policy governs).
public struct Decision: Sendable, Hashable {
    public let proto: NetworkProtocol
    public let port: Int
    public let egress: SideDecision?
    public let ingress: SideDecision?

    public var allowed: Bool { verdict == .allowed }

    /// Denied if either side denies; else unknown if either side cannot be decided; else allowed.
    public var verdict: ConnectionVerdict {
        let sides = [egress, ingress].compactMap { $0?.verdict }
        if sides.contains(.denied) { return .denied }
        return sides.first { if case .unknown = $0 { true } else { false } } ?? .allowed
    }
}

/// One end of a connection to explain: a pod (index into `pods`) or an address outside the cluster.
public enum Endpoint: Sendable, Hashable {
    case pod(Int)
    case address(IPAddress)
}

extension NetworkAnalysis {
    /// Explains whether `source` may connect to `destination` on (`proto`, `port`). Nil when neither
    /// end is a pod.
    public func decide(from source: Endpoint, to destination: Endpoint, proto: NetworkProtocol, port: Int) -> Decision? {
        let egress = side(.egress, subject: source, peer: destination, proto: proto, port: port)
        let ingress = side(.ingress, subject: destination, peer: source, proto: proto, port: port)
        if egress == nil && ingress == nil { return nil }
        return Decision(proto: proto, port: port, egress: egress, ingress: ingress)
    }

    /// Whether `source` may connect to at least one of `destinations`: allowed (with the index of the
    /// first allowed) when one is allowed, else unknown (with the first undecided) when one is
    /// undecided, else denied.
    public func reachAny(from source: Endpoint, to destinations: [(endpoint: Endpoint, proto: NetworkProtocol, port: Int)])
        -> (verdict: ConnectionVerdict, index: Int?) {
        var unknown: (verdict: ConnectionVerdict, index: Int)?
        for (index, destination) in destinations.enumerated() {
            guard let decision = decide(from: source, to: destination.endpoint, proto: destination.proto, port: destination.port) else { continue }
            switch decision.verdict {
            case .allowed: return (.allowed, index)
            case .unknown: if unknown == nil { unknown = (decision.verdict, index) }
            case .denied: continue
            }
        }
        return unknown.map { ($0.verdict, $0.index) } ?? (.denied, nil)
    }

    private func side(_ direction: TrafficDirection, subject: Endpoint, peer: Endpoint,
                      proto: NetworkProtocol, port: Int) -> SideDecision? {
        guard case .pod(let pod) = subject else { return nil }
        let group = groupOfPod[pod]
        let selectedBy = (groups[group].policies[direction] ?? []).map { allPolicies[$0].id }.sorted()
        let other: GroupEndpoint
        switch peer {
        case .pod(let index): other = .group(groupOfPod[index])
        case .address(let address): other = .external(address)
        }
        var matching: [RuleReference] = []
        var allowing: [RuleReference] = []
        var noting: [Int] = []
        forEachMatchingRule(direction, subject: group, peer: other) { rule, connections in
            let reference = self.reference(rule)
            matching.append(reference)
            guard connections.contains(proto, port) else { return }
            if rule.rule.action == .allow { allowing.append(reference) }
            if !noting.contains(rule.policy) { noting.append(rule.policy) }
        }
        var deciding: DecisionStep?
        var passedBy: [RuleReference] = []
        _ = resolve(direction, subject: group, peer: other) { step in
            guard deciding == nil, step.connections.contains(proto, port) else { return }
            if step.isPass {
                if let rule = step.rule { passedBy.append(reference(rules[rule])) }
            } else {
                deciding = step
            }
        }
        let decidedBy = deciding?.rule.map { reference(rules[$0]) }
        let verdict: ConnectionVerdict
        switch deciding?.verdict {
        case .denied: verdict = .denied
        case .unknown(let reason): verdict = .unknown(reason)
        case .allowed, .passed, nil: verdict = .allowed
        }
        var reason: String
        if let decidedBy, let step = deciding {
            let tier = rules[step.rule ?? 0].tier
            reason = "\(step.verdictWord) by \(decidedBy.text) (\(tier.name) tier)"
        } else if groups[group].rules[direction] == nil, !isIsolated(group, direction) {
            reason = "no policy selects \(pods[pod].id) for \(direction.rawValue): not isolated"
        } else {
            reason = deciding?.reason ?? "no rule decides it: allowed by default"
        }
        if !passedBy.isEmpty {
            reason = "passed on by " + passedBy.map(\.text).joined(separator: ", then ") + "; " + reason
        }
        let unknownReason: String
        if case .unknown(let why) = verdict { unknownReason = "unknown, because \(why)" } else { unknownReason = reason }
        return SideDecision(direction: direction, selectedBy: selectedBy, matchingRules: matching, allowedBy: allowing,
                            decidedBy: decidedBy, tier: deciding?.rule.map { rules[$0].tier },
                            verdict: verdict, reason: unknownReason,
                            notes: noting.flatMap { index in allPolicies[index].notes.map { "\(allPolicies[index].id): \($0)" } })
    }

    private func reference(_ rule: IndexedRule) -> RuleReference {
        RuleReference(policy: allPolicies[rule.policy].id, direction: rule.rule.direction, index: rule.rule.index, name: rule.rule.name)
    }
}

extension DecisionStep {
    var isPass: Bool { if case .passed = verdict { true } else { false } }

    /// `allowed`, `denied`, `passed on`, `unknown`.
    var verdictWord: String {
        switch verdict {
        case .allowed: "allowed"
        case .denied: "denied"
        case .passed: "passed on"
        case .unknown: "unknown"
        }
    }
}
