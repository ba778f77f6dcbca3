import RampartModel
import RampartNetwork

/// `netpol.policy-not-enforced`: tenant isolation relies on policies that the cluster's CNI, as its
/// DaemonSets show it, does not enforce. A CNI Rampart does not recognise is not guessed at: nothing is reported.
public struct NetpolPolicyNotEnforced: Rule {
    public let metadata = RuleMetadata(
        id: "netpol.policy-not-enforced",
        title: "The CNI does not enforce the network policies tenants rely on",
        severity: .critical, layer: .network,
        standards: ["CIS 5.3.1", "NSA/CISA: network separation"],
        rationale: """
            A NetworkPolicy, an admin-tier policy or a Cilium or Calico policy is only a wish until the CNI \
            plug-in enforces it. On flannel alone, or the Amazon VPC CNI without its policy agent, every \
            policy is accepted by the API server and ignored by the network: tenants that look isolated \
            reach each other freely, and every other network verdict is fiction.
            """,
        remediation: """
            Run a CNI or policy add-on that enforces the kinds in use (Calico or Cilium beside flannel, the \
            VPC CNI's network policy agent, Azure Network Policy Manager), or move the isolation to kinds the \
            CNI enforces.
            """)

    public init() {}

    public var reads: Set<ResourceKind> { NetworkAnalysis.reads.union([.daemonSets, .configMaps]) }

    public func evaluate(in context: AuditContext) -> [Violation] {
        let detected = CNIDetection.detect(context.inventory)
        guard let evidence = detected.first(where: { $0.enforces.isEmpty }) ?? detected.first else { return [] }
        let enforced = detected.reduce(into: Set<PolicyFamily>()) { $0.formUnion($1.enforces) }
        let relied = context.network.allPolicies.filter { $0.namespace.isEmpty || context.isTenantNamespace($0.namespace) }
        let unenforced = Dictionary(grouping: relied, by: PolicyFamily.init).filter { !enforced.contains($0.key) }
        let cni = detected.map { "\($0.name) (DaemonSet \($0.evidence.namespace ?? "")/\($0.evidence.name))" }.joined(separator: ", ")
        return unenforced.keys.sorted().compactMap { family in
            guard let policies = unenforced[family] else { return nil }
            let named = policies.prefix(3).map { "'\($0.id)'" }.joined(separator: ", ") + (policies.count > 3 ? ", …" : "")
            let notes = detected.compactMap(\.note)
            return Violation(object: evidence.evidence, path: "metadata.name",
                             message: "the cluster's CNI, \(cni), does not enforce \(family.rawValue), yet \(policies.count) "
                                 + "\(policies.count == 1 ? "policy isolates" : "policies isolate") tenant pods with it (\(named)): that isolation does not exist",
                             notes: notes)
        }
    }
}
