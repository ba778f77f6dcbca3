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

/// Where a policy's rules sit in the order of evaluation (the precedence of kubernetes-sigs/network-policy-api):
/// admin tier, then the application tier, then the baseline tier, then the default (allow).
public enum PolicyTier: Int, Sendable, Hashable, Comparable, CaseIterable, Codable {
    /// Cluster-scoped rules evaluated first (AdminNetworkPolicy, ClusterNetworkPolicy `tier: Admin`).
    case admin
    /// Namespaced NetworkPolicy and the CNI policies enforced beside it: once one selects a pod in a
    /// direction, traffic no rule matches is denied there.
    case application
    /// Cluster-scoped defaults (BaselineAdminNetworkPolicy, ClusterNetworkPolicy `tier: Baseline`).
    case baseline

    public static func < (lhs: PolicyTier, rhs: PolicyTier) -> Bool { lhs.rawValue < rhs.rawValue }

    /// `admin`, `application`, `baseline`.
    public var name: String {
        switch self {
        case .admin: "admin"
        case .application: "application"
        case .baseline: "baseline"
        }
    }
}

/// What a matching rule does with the traffic it matches.
public enum RuleAction: String, Sendable, Hashable, Codable {
    /// Allowed; lower tiers are not consulted for this direction.
    case allow = "Allow"
    /// Denied.
    case deny = "Deny"
    /// Skips the rest of the tier: the next tier decides.
    case pass = "Pass"
}

/// An `ipBlock` peer: the addresses of `cidr` minus those of `except`.
public struct IPBlock: Sendable, Hashable {
    public let cidr: String
    public let except: [String]
    public let addresses: IPRangeSet
    /// True when pods whose addresses fall in the block match too (NetworkPolicy `ipBlock`, admin
    /// `networks`); false for peers that only name addresses outside the cluster (Cilium CIDR peers).
    public let matchesPods: Bool

    public init(cidr: String, except: [String], addresses: IPRangeSet, matchesPods: Bool = true) {
        self.cidr = cidr
        self.except = except
        self.addresses = addresses
        self.matchesPods = matchesPods
    }
}

/// One compiled peer (or subject) selection. Checked by exhaustive `switch` wherever peers are matched.
public enum PeerMatcher: Sendable, Hashable {
    /// `podSelector` alone: pods of the policy's own namespace that match.
    case pods(LabelSelector, namespace: String)
    /// `namespaceSelector` alone: every pod of every matching namespace.
    case namespaces(LabelSelector)
    /// Both selectors in one peer: pods that match `pods` in namespaces that match `namespaces` (AND).
    case podsInNamespaces(pods: LabelSelector, namespaces: LabelSelector)
    /// `ipBlock`: addresses inside the block (pod IPs included when the block says so).
    case ipBlock(IPBlock)
    /// The addresses (`status.addresses`) of the Nodes whose labels match: no pod matches. Without
    /// Node objects among the inputs the addresses are unknown, and so is the verdict for outside addresses.
    case nodes(LabelSelector)
    /// Addresses Rampart cannot list (domain names, Cilium's host entities): no pod
    /// matches, and an address outside the cluster may or may not, which makes its verdict unknown.
    case unknownAddresses(String)
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
    /// A protocol other than TCP, UDP and SCTP (ICMP, say): it matches none of the connections Rampart decides.
    case otherProtocol(String)
    /// An entry the API server would reject; it matches nothing.
    case invalid(String)
}

/// One ingress or egress rule of a policy.
public struct PolicyRule: Sendable {
    public let direction: TrafficDirection
    /// Position of the rule in the policy's list for its direction.
    public let index: Int
    /// Nil when the rule names no peers (`from`/`to` absent or empty): every source or destination.
    public let peers: [PeerMatcher]?
    /// Empty when the rule names no ports: every port of every protocol.
    public let ports: [PortMatcher]
    /// What the rule does with the traffic it matches (a NetworkPolicy rule allows).
    public let action: RuleAction
    /// The rule's own name, when its kind has one.
    public let name: String?
    /// The field path of the rule inside the policy object.
    public let path: FieldPath
    /// Evaluated before the rules of the same policy precedence that have a higher rank (Cilium's deny
    /// rules rank before every allow rule).
    public let rank: Int

    public init(direction: TrafficDirection, index: Int, peers: [PeerMatcher]?, ports: [PortMatcher],
                action: RuleAction = .allow, name: String? = nil, path: FieldPath? = nil, rank: Int = 0) {
        self.direction = direction
        self.index = index
        self.peers = peers
        self.ports = ports
        self.action = action
        self.name = name
        self.path = path ?? FieldPath("spec").appending(direction.field).appending(index: index)
        self.rank = rank
    }
}

/// Any policy kind after normalisation (defaults applied as the API server does) and compilation into
/// the one form every reachability query reads.
public struct CompiledPolicy: Sendable {
    public let object: KubeObject
    /// The policy's namespace; empty for a cluster-scoped policy.
    public let namespace: String
    public let name: String
    public let tier: PolicyTier
    /// Order inside the tier, lower first (admin `priority`, Calico `order`; 1000 for NetworkPolicy).
    public let precedence: Double
    /// True when policies of equal precedence have no defined order between them (the admin kinds:
    /// "the implementation can apply any of the matching policies").
    public let tiesAreAmbiguous: Bool
    /// The pods the policy applies to: those any entry matches.
    public let subject: [PeerMatcher]
    /// A NetworkPolicy's `podSelector` (empty selector: every pod of the namespace); for other kinds
    /// the subject says which pods are selected.
    public let podSelector: LabelSelector
    /// The directions in which selection isolates the pods: traffic no rule of the tier matches is
    /// denied (a NetworkPolicy's effective `policyTypes`). Empty for the admin and baseline tiers.
    public let directions: Set<TrafficDirection>
    public let ingress: [PolicyRule]
    public let egress: [PolicyRule]
    /// Defaults applied while normalising and parts not modelled, for readers of findings.
    public let notes: [String]
    /// What the API server would reject in this policy.
    public let problems: [String]

    public init(object: KubeObject, namespace: String, name: String, tier: PolicyTier = .application,
                precedence: Double = 1000, tiesAreAmbiguous: Bool = false, subject: [PeerMatcher],
                podSelector: LabelSelector = LabelSelector(), directions: Set<TrafficDirection>,
                ingress: [PolicyRule], egress: [PolicyRule], notes: [String], problems: [String]) {
        self.object = object
        self.namespace = namespace
        self.name = name
        self.tier = tier
        self.precedence = precedence
        self.tiesAreAmbiguous = tiesAreAmbiguous
        self.subject = subject
        self.podSelector = podSelector
        self.directions = directions
        self.ingress = ingress
        self.egress = egress
        self.notes = notes
        self.problems = problems
    }

    /// True for `networking.k8s.io/v1` NetworkPolicy.
    public var isNetworkPolicy: Bool { object.kind == "NetworkPolicy" && object.reference.group == "networking.k8s.io" }

    /// `namespace/name` for a NetworkPolicy; `Kind name` or `Kind namespace/name` for the other kinds
    /// (Calico's prefixed: `Calico NetworkPolicy ns/name`).
    public var id: String {
        if isNetworkPolicy { return "\(namespace)/\(name)" }
        let kind = object.reference.group.hasSuffix("projectcalico.org") ? "Calico \(object.kind)" : object.kind
        return namespace.isEmpty ? "\(kind) \(name)" : "\(kind) \(namespace)/\(name)"
    }

    /// The precedence as written: `5`, or `2.5` for a fractional Calico order.
    public var precedenceText: String {
        precedence.rounded() == precedence && abs(precedence) < 1e15 ? String(Int(precedence)) : String(precedence)
    }

    public func rules(_ direction: TrafficDirection) -> [PolicyRule] {
        direction == .ingress ? ingress : egress
    }
}
