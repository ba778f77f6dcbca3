import RampartModel

/// Compiles one policy kind into the common form. A new kind is a new conforming type listed in
/// `PolicyCompiler.kinds`.
protocol PolicyKindCompiler: Sendable {
    /// The API group and kind this compiler reads.
    static var group: String { get }
    static var kind: String { get }
    /// The policies of one object (most kinds hold one; a Cilium policy may hold several under `specs`).
    static func compile(_ object: KubeObject) -> [CompiledPolicy]
    /// The same, with what the inputs tell beyond the policy at hand.
    static func compile(_ object: KubeObject, context: CompileContext) -> [CompiledPolicy]
}

extension PolicyKindCompiler {
    static func compile(_ object: KubeObject, context: CompileContext) -> [CompiledPolicy] {
        compile(object)
    }
}

/// What the inputs tell a compiler beyond the policy: the label values of pods and namespaces (for
/// selector operators that need them) and the API server's addresses (for Cilium's `kube-apiserver` entity).
struct CompileContext: Sendable {
    var labels = LabelVocabulary()
    var apiServer: [IPAddress] = []
}

/// Compiles every network policy kind of an inventory. Invalid parts become matchers that match
/// nothing plus a problem on the policy, never a crash; parts that cannot be modelled become notes
/// and, where they change a verdict, unknown verdicts.
public enum PolicyCompiler {
    /// The kinds read, NetworkPolicy first.
    static let kinds: [any PolicyKindCompiler.Type] = [
        NetworkPolicyCompiler.self, AdminNetworkPolicyCompiler.self, BaselineAdminNetworkPolicyCompiler.self,
        ClusterNetworkPolicyCompiler.self, CiliumNetworkPolicyCompiler.self, CiliumClusterwideNetworkPolicyCompiler.self,
        CalicoNetworkPolicyCompiler.self, CalicoGlobalNetworkPolicyCompiler.self,
        CalicoStoredNetworkPolicyCompiler.self, CalicoStoredGlobalNetworkPolicyCompiler.self,
    ]

    /// Every policy of the inventory, compiled: NetworkPolicies first, then the other kinds, each in input order.
    public static func compile(_ inventory: Inventory) -> [CompiledPolicy] {
        var seen: Set<IPAddress> = []
        let apiServer = APIServerEndpoints(inventory).targets.map(\.address).filter { seen.insert($0).inserted }
        let context = CompileContext(labels: LabelVocabulary(inventory), apiServer: apiServer)
        return kinds.flatMap { compiler in
            inventory.objects(ofKind: compiler.kind, group: compiler.group).flatMap { compiler.compile($0, context: context) }
        }
    }

    /// Compiles one NetworkPolicy.
    public static func compile(_ object: KubeObject) -> CompiledPolicy {
        NetworkPolicyCompiler.policy(object)
    }

    /// An `ipBlock`-like peer from a CIDR and its exceptions.
    static func ipBlock(cidr: String?, except: [String?], matchesPods: Bool = true) -> PeerMatcher {
        guard let cidr, let range = IPRange(cidr: cidr) else {
            return .invalid("'\(cidr ?? "")' is not a CIDR")
        }
        var cuts: [IPRange] = []
        for text in except {
            guard let text, let cut = IPRange(cidr: text) else { return .invalid("except '\(text ?? "")' is not a CIDR") }
            cuts.append(cut)
        }
        let addresses = IPRangeSet([range]).subtracting(IPRangeSet(cuts))
        return .ipBlock(IPBlock(cidr: cidr, except: except.compactMap { $0 }, addresses: addresses, matchesPods: matchesPods))
    }

    /// One port, or a range up to `end`, checked as the API server does.
    static func portRange(_ proto: NetworkProtocol, _ start: Int?, _ end: Int? = nil) -> PortMatcher {
        guard let start, (1...65535).contains(start) else { return .invalid("port \(start.map(String.init) ?? "") is out of range") }
        guard let end else { return .range(proto, PortRange(from: start, to: start)) }
        guard (start...65535).contains(end) else { return .invalid("end port \(end) must be a port at or after \(start)") }
        return .range(proto, PortRange(from: start, to: end))
    }

    /// A port name as Kubernetes allows it (an IANA service name: at most 15 characters, a letter among them).
    static func portName(_ proto: NetworkProtocol, _ name: String?) -> PortMatcher {
        guard let name, !name.isEmpty, name.count <= 15, name.contains(where: \.isLetter) else {
            return .invalid("port '\(name ?? "")' is neither a number nor a port name")
        }
        return .named(proto, name)
    }

    /// Problems of a rule's peers and ports, prefixed with where the rule is.
    static func problems(of rule: PolicyRule, at place: String) -> [String] {
        var problems: [String] = []
        for case .invalid(let reason) in rule.peers ?? [] { problems.append("\(place): \(reason)") }
        for case .invalid(let reason) in rule.ports { problems.append("\(place): \(reason)") }
        return problems
    }
}
