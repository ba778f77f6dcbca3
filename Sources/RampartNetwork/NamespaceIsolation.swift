import RampartModel

extension NetworkAnalysis {
    /// The namespaces whose every pod, present or future, is denied by default in `direction`: an
    /// application-tier policy isolates them because its subject is the whole namespace (a
    /// NetworkPolicy with an empty `podSelector`, a Cilium policy with an empty `endpointSelector`, a
    /// Calico policy with `all()`, namespaced or global with a `namespaceSelector` that matches), or an
    /// admin- or baseline-tier policy denies everything there (`adminDenyAllPolicies`).
    public func namespacesIsolatedWhole(_ direction: TrafficDirection) -> Set<String> {
        Set(defaultDenyPolicies(direction).keys)
    }

    /// The policies that make `direction` default-deny for a whole namespace, by namespace: the
    /// application-tier ones first (in the order of `allPolicies`), then the admin-tier deny-alls.
    public func defaultDenyPolicies(_ direction: TrafficDirection) -> [String: [CompiledPolicy]] {
        var policies = wholeNamespacePolicies().mapValues { $0.filter { $0.directions.contains(direction) } }.filter { !$0.value.isEmpty }
        policies.merge(adminDenyAllPolicies(direction)) { $0 + $1 }
        return policies
    }

    /// The application-tier policies whose subject is a whole namespace, by namespace (of any kind:
    /// NetworkPolicy, Cilium, Calico), in the order of `allPolicies`.
    public func wholeNamespacePolicies() -> [String: [CompiledPolicy]] {
        var policies: [String: [CompiledPolicy]] = [:]
        for policy in allPolicies where policy.tier == .application {
            var covered: Set<String> = []
            for entry in policy.subject {
                switch entry {
                case .pods(let pods, let namespace) where pods.isEmpty:
                    covered.insert(namespace)
                case .podsInNamespaces(let pods, let namespaces) where pods.isEmpty:
                    covered.formUnion(namespaceLabels.filter { namespaces.matches($0.value) }.keys)
                case .namespaces(let namespaces):
                    covered.formUnion(namespaceLabels.filter { namespaces.matches($0.value) }.keys)
                case .pods, .podsInNamespaces, .ipBlock, .nodes, .unknownAddresses, .invalid:
                    continue
                }
            }
            for namespace in covered { policies[namespace, default: []].append(policy) }
        }
        return policies
    }
}
