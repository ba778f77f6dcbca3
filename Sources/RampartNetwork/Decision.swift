/// A rule of a policy, named for explanations.
public struct RuleReference: Sendable, Hashable, Comparable, Codable {
    /// `namespace/name` of the policy.
    public let policy: String
    public let direction: TrafficDirection
    public let index: Int

    public static func < (lhs: RuleReference, rhs: RuleReference) -> Bool {
        (lhs.policy, lhs.direction.rawValue, lhs.index) < (rhs.policy, rhs.direction.rawValue, rhs.index)
    }

    /// `ns/policy ingress[0]`.
    public var text: String { "\(policy) \(direction.field)[\(index)]" }
}

/// The verdict of one side of a connection: the source's egress or the destination's ingress.
public struct SideDecision: Sendable, Hashable {
    public let direction: TrafficDirection
    /// Policies (`namespace/name`) that select the pod in this direction; empty: not isolated.
    public let selectedBy: [String]
    /// Rules whose peers match the other end, whatever their ports.
    public let matchingRules: [RuleReference]
    /// Rules that allow this very protocol and port.
    public let allowedBy: [RuleReference]
    public let allowed: Bool
    /// Why, in one sentence.
    public let reason: String
}

/// The decision for one connection, with both sides explained (a side is nil for an address
/// outside the cluster, which no policy governs).
public struct Decision: Sendable, Hashable {
    public let proto: NetworkProtocol
    public let port: Int
    public let egress: SideDecision?
    public let ingress: SideDecision?

    public var allowed: Bool { (egress?.allowed ?? true) && (ingress?.allowed ?? true) }
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

    private func side(_ direction: TrafficDirection, subject: Endpoint, peer: Endpoint,
                      proto: NetworkProtocol, port: Int) -> SideDecision? {
        guard case .pod(let pod) = subject else { return nil }
        let group = groupOfPod[pod]
        let selectedBy = (groups[group].policies[direction] ?? []).map { policies[$0].id }.sorted()
        guard !selectedBy.isEmpty else {
            return SideDecision(direction: direction, selectedBy: [], matchingRules: [], allowedBy: [], allowed: true,
                                reason: "no policy selects \(pods[pod].id) for \(direction.rawValue): not isolated")
        }
        let other: GroupEndpoint
        switch peer {
        case .pod(let index): other = .group(groupOfPod[index])
        case .address(let address): other = .external(address)
        }
        var matching: [RuleReference] = []
        var allowing: [RuleReference] = []
        forEachMatchingRule(direction, subject: group, peer: other) { rule, connections in
            let reference = RuleReference(policy: policies[rule.policy].id, direction: direction, index: rule.rule.index)
            matching.append(reference)
            if connections.contains(proto, port) { allowing.append(reference) }
        }
        let reason: String
        if let first = allowing.first {
            reason = "allowed by \(first.text)"
        } else if matching.isEmpty {
            reason = "isolated by \(selectedBy.joined(separator: ", ")) and no \(direction.rawValue) rule matches the peer"
        } else {
            reason = "rules match the peer (\(matching.map(\.text).joined(separator: ", "))) but none allows \(proto.rawValue)/\(port)"
        }
        return SideDecision(direction: direction, selectedBy: selectedBy, matchingRules: matching,
                            allowedBy: allowing, allowed: !allowing.isEmpty, reason: reason)
    }
}
