import RampartModel

/// The traffic direction a policy rule governs.
public enum TrafficDirection: String, Sendable, Hashable, CaseIterable, Codable {
    case ingress, egress

    /// The field of a policy spec that holds this direction's rules.
    public var field: String { rawValue }
    /// The `policyTypes` value of this direction.
    public var policyType: String { self == .ingress ? "Ingress" : "Egress" }
    /// The field of a rule that holds its peers.
    public var peersField: String { self == .ingress ? "from" : "to" }
}

/// An `ipBlock` peer: the addresses of `cidr` minus those of `except`.
public struct IPBlock: Sendable, Hashable {
    public let cidr: String
    public let except: [String]
    public let addresses: IPRangeSet
}

/// One compiled NetworkPolicy peer. Checked by exhaustive `switch` wherever peers are matched.
public enum PeerMatcher: Sendable, Hashable {
    /// `podSelector` alone: pods of the policy's own namespace that match.
    case pods(LabelSelector, namespace: String)
    /// `namespaceSelector` alone: every pod of every matching namespace.
    case namespaces(LabelSelector)
    /// Both selectors in one peer: pods that match `pods` in namespaces that match `namespaces` (AND).
    case podsInNamespaces(pods: LabelSelector, namespaces: LabelSelector)
    /// `ipBlock`: addresses inside the block (pod IPs included).
    case ipBlock(IPBlock)
    /// A peer the API server would reject; it matches nothing.
    case invalid(String)
}

/// One compiled entry of a rule's `ports`.
public enum PortMatcher: Sendable, Hashable {
    /// A protocol without a port: every port of the protocol.
    case allPorts(NetworkProtocol)
    /// A number, or a range with `endPort`.
    case range(NetworkProtocol, PortRange)
    /// A named port, resolved per destination container (name and protocol must both match).
    case named(NetworkProtocol, String)
    /// An entry the API server would reject; it matches nothing.
    case invalid(String)
}

/// One ingress or egress rule of a policy.
public struct PolicyRule: Sendable {
    public let direction: TrafficDirection
    /// Position of the rule in the policy's `ingress` or `egress` list.
    public let index: Int
    /// Nil when the rule names no peers (`from`/`to` absent or empty): every source or destination.
    public let peers: [PeerMatcher]?
    /// Empty when the rule names no ports: every port of every protocol.
    public let ports: [PortMatcher]

    /// The rule's path inside the policy object.
    public var path: FieldPath { FieldPath("spec").appending(direction.field).appending(index: index) }
}

/// A NetworkPolicy after normalisation (namespace and `policyTypes` defaulted as the API server does)
/// and compilation.
public struct CompiledPolicy: Sendable {
    public let object: KubeObject
    public let namespace: String
    public let name: String
    /// The pods the policy applies to (empty selector: every pod of the namespace).
    public let podSelector: LabelSelector
    /// The directions the policy isolates (its effective `policyTypes`).
    public let directions: Set<TrafficDirection>
    public let ingress: [PolicyRule]
    public let egress: [PolicyRule]
    /// Defaults applied while normalising, for readers of findings.
    public let notes: [String]
    /// What the API server would reject in this policy.
    public let problems: [String]

    /// `namespace/name`.
    public var id: String { "\(namespace)/\(name)" }

    public func rules(_ direction: TrafficDirection) -> [PolicyRule] {
        direction == .ingress ? ingress : egress
    }

    public func selects(namespace: String, labels: [String: String]) -> Bool {
        namespace == self.namespace && podSelector.matches(labels)
    }
}
