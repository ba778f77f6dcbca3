import RampartCEL
import RampartModel

/// Finds the params of a policy binding among the inputs, as the API server's policy plugin does:
/// by name or by selector, in the binding's namespace, else (for namespaced params) in the request's.
struct ParamResolution {
    /// What a binding's params lookup found.
    enum Outcome {
        /// The policy takes no params: evaluate once with `params` null.
        case none
        /// Evaluate once per object.
        case objects([KubeObject])
        /// Nothing found and the binding allows that: the binding passes.
        case notFoundAllowed
        /// The lookup failed; the policy's failure policy decides.
        case failure(String)
    }

    let inventory: Inventory

    func params(for policy: PolicyPreamble, _ binding: PolicyBinding, request: AdmissionAttributes) -> Outcome {
        guard let kind = policy.paramKind else { return .none }
        guard let reference = binding.paramReference else {
            return .failure("failed to configure binding: paramRef is required when the policy's paramKind is set")
        }
        let group = ObjectReference(apiVersion: kind.apiVersion, kind: kind.kind, namespace: nil, name: "").group
        let candidates = inventory.objects(ofKind: kind.kind, group: group)
        // Without the CRD, the params kind is namespaced when its objects are.
        let namespaced = candidates.contains { $0.namespace != nil }
        let namespace: String?
        if let explicit = reference.namespace {
            namespace = explicit
        } else if namespaced {
            guard let requestNamespace = request.namespace else {
                return .failure("failed to configure binding: no params namespace for the cluster-scoped request")
            }
            namespace = requestNamespace
        } else {
            namespace = nil
        }
        let inScope = candidates.filter { $0.namespace == namespace }
        let found: [KubeObject]
        if let name = reference.name {
            found = inScope.filter { $0.name == name }
        } else if let selector = reference.selector {
            found = inScope.filter { selector.matches($0.labels) }
        } else {
            return .failure("failed to configure binding: paramRef names neither a name nor a selector")
        }
        if !found.isEmpty { return .objects(found) }
        return reference.denyWhenNotFound
            ? .failure("no params found for policy binding with `Deny` parameterNotFoundAction")
            : .notFoundAllowed
    }

    /// The `params` values to evaluate a policy with (null once when it takes none); nil when the
    /// binding passes without evaluation; a failure message for the failure policy to judge.
    func values(for policy: PolicyPreamble, _ binding: PolicyBinding, request: AdmissionAttributes) -> Result<[CELValue], ExpressionFailure>? {
        switch params(for: policy, binding, request: request) {
        case .none: return .success([.null])
        case .objects(let objects): return .success(objects.map { CELValue($0.root) })
        case .notFoundAllowed: return nil
        case .failure(let message): return .failure(ExpressionFailure(expression: "", message: message))
        }
    }
}
