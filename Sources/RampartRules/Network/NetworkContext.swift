import RampartModel
import RampartNetwork

extension AuditContext {
    /// The network analysis of the inventory, computed once for every network rule.
    var network: NetworkAnalysis {
        shared(NetworkAnalysis.self) { NetworkAnalysis($0) }
    }

    /// The object that stands for a namespace in findings: its Namespace object, else its first
    /// pod-bearing object; nil when neither is among the inputs.
    func representative(ofNamespace namespace: String) -> KubeObject? {
        inventory.namespace(namespace) ?? network.pods.first { $0.namespace == namespace }?.object
    }
}

/// Checks shared by the default-deny rules.
enum DefaultDeny {
    /// Tenant namespaces that have pods but no policy isolating every pod in `direction` (a
    /// NetworkPolicy with an empty `podSelector` whose effective `policyTypes` include it, or a Cilium
    /// or Calico policy over the whole namespace).
    static func namespacesWithout(_ direction: TrafficDirection, in context: AuditContext) -> [String] {
        let network = context.network
        let covered = network.namespacesIsolatedWhole(direction)
        return Set(network.pods.map(\.namespace)).filter { !covered.contains($0) && context.isTenantNamespace($0) }.sorted()
    }

    /// One violation per namespace without default deny in `direction`.
    static func violations(_ direction: TrafficDirection, in context: AuditContext, message: (String) -> String) -> [Violation] {
        namespacesWithout(direction, in: context).compactMap { namespace in
            guard let object = context.representative(ofNamespace: namespace) else { return nil }
            let path: FieldPath = object.kind == "Namespace" ? "metadata.name" : "metadata.namespace"
            return Violation(object: object, path: path, message: message(namespace))
        }
    }
}

extension AuditContext {
    /// Compiled policies of tenant namespaces, with their index in the analysis.
    var tenantPolicies: [(index: Int, policy: CompiledPolicy)] {
        network.policies.enumerated().filter { isTenantNamespace($0.element.namespace) }.map { ($0.offset, $0.element) }
    }

    /// One violation per peer of an effective rule of a tenant policy in `direction` for which
    /// `check` returns a message. A rule without peers (no `to` or `from`) allows every peer: it is
    /// checked as `nil`, and its violation points at the rule.
    func peerViolations(_ direction: TrafficDirection, _ check: (PeerMatcher?) -> String?) -> [Violation] {
        tenantPolicies.flatMap { _, policy -> [Violation] in
            guard policy.directions.contains(direction) else { return [] }
            return policy.rules(direction).flatMap { rule -> [Violation] in
                guard let peers = rule.peers else {
                    return check(nil).map { [Violation(object: policy.object, path: rule.path, message: "policy '\(policy.id)': " + $0)] } ?? []
                }
                return peers.enumerated().compactMap { index, peer in
                    check(peer).map { message in
                        Violation(object: policy.object,
                                  path: rule.path.appending(direction.peersField).appending(index: index),
                                  message: "policy '\(policy.id)': " + message)
                    }
                }
            }
        }
    }
}
