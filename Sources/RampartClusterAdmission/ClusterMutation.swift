import RampartCEL
import RampartModel

/// What one mutating policy, through one binding, did to a request's object.
public struct MutationRecord: Sendable, Hashable, Encodable {
    public var policy: String
    public var binding: String
    /// The fields it changed (`metadata.labels.team`, `spec.containers[name=proxy]`, `add /spec/x`).
    public var changedPaths: [String]
    /// Why the policy could not mutate (its changes are then not applied).
    public var failure: String?
    /// True when the failure rejects the request (`failurePolicy: Fail`).
    public var rejects: Bool

    /// The API server's words for a rejecting failure.
    public var denial: String? {
        guard rejects, let failure else { return nil }
        return "MutatingAdmissionPolicy '\(policy)' with binding '\(binding)' denied request: \(failure)"
    }
}

/// The object after the cluster's mutating policies, and what each of them did.
public struct MutationResult: Sendable {
    /// The mutated object (the request's object when nothing changed it, nil on DELETE).
    public var object: KubeObject?
    public var records: [MutationRecord] = []
}

extension ClusterAdmission {
    /// Applies the cluster's mutating policies to `request`'s object as the API server would before
    /// validation: policies by name, each binding of a policy by name, each policy's mutations in
    /// order; a policy that fails changes nothing. Reinvocation (`IfNeeded`) is not repeated:
    /// every policy runs once.
    public func mutate(_ request: AdmissionAttributes, user: AdmissionUser? = nil) -> MutationResult {
        var result = MutationResult(object: request.object)
        guard !mutatingBindings.isEmpty, request.object != nil else { return result }
        let namespaceLabels = labels(of: request)
        let resolution = ParamResolution(inventory: inventory)
        var current = request
        for policy in mutatingPolicies {
            for binding in mutatingBindings where binding.policyName == policy.name {
                guard policy.preamble.constraints.matches(current, namespaceLabels: namespaceLabels),
                      binding.matchResources.matches(current, namespaceLabels: namespaceLabels),
                      let object = current.object else { continue }
                var record = MutationRecord(policy: policy.name, binding: binding.name, changedPaths: [], failure: nil, rejects: false)
                var bindings = requestBindings(current, user: user)
                var root = object.root
                do throws(ExpressionFailure) {
                    switch resolution.values(for: policy.preamble, binding, request: current) {
                    case nil: continue
                    case .failure(let failure)?: throw failure
                    case .success(let params)?:
                        for param in params {
                            bindings["params"] = param
                            bindings["object"] = CELValue(root)
                            root = try PolicyMutation(policy: policy).apply(to: root, bindings, changed: &record.changedPaths)
                        }
                    }
                    guard let mutated = KubeObject(root: root, file: object.file) else {
                        throw ExpressionFailure(expression: "", message: "the mutated object has no kind")
                    }
                    current.object = mutated
                } catch {
                    record.changedPaths = []
                    record.failure = SecretGuard.involvesSecret(bindings) ? SecretGuard.withheldError : error.description
                    record.rejects = policy.preamble.failurePolicy == .fail
                }
                if record.failure != nil || !record.changedPaths.isEmpty { result.records.append(record) }
            }
        }
        result.object = current.object
        return result
    }
}

/// One mutating policy's match conditions, variables and mutations on one object.
struct PolicyMutation {
    let policy: MutatingPolicy

    /// `root` after every mutation, each seeing the object as the ones before left it; unchanged
    /// when a match condition is false.
    func apply(to root: Node, _ bindings: [String: CELValue], changed: inout [String]) throws(ExpressionFailure) -> Node {
        var bindings = bindings
        guard try policy.preamble.conditionsHold(bindings).get() else { return root }
        let (variables, failures) = policy.preamble.evaluateVariables(bindings)
        bindings["variables"] = .map(CELMap(stringKeys: variables))
        var root = root
        for mutation in policy.mutations {
            bindings["object"] = CELValue(root)
            let value: CELValue
            switch mutation.expression.evaluate(bindings) {
            case .success(let result): value = result
            case .failure(let failure):
                throw mutation.expression.variableReferences.lazy.compactMap { failures[$0] }.first ?? failure
            }
            do {
                root = try Self.patch(root, with: value, mutation, changed: &changed)
            } catch {
                throw ExpressionFailure(expression: mutation.expression.source, message: error.message)
            }
        }
        return root
    }

    private static func patch(_ root: Node, with value: CELValue, _ mutation: MutatingPolicy.Mutation,
                              changed: inout [String]) throws(MutationError) -> Node {
        let mark = SourceMark(line: 0, column: 0)
        switch mutation.patchType {
        case .applyConfiguration:
            guard case .map = value else { throw MutationError(message: "an apply configuration must be an Object{...}, got \(value.celType)") }
            var merge = ApplyConfigurationMerge()
            let merged = try merge.merge(try Node(celValue: value, at: mark), into: root, at: "")
            changed += merge.changed
            return merged
        case .jsonPatch:
            guard case .list(let operations) = value else { throw MutationError(message: "a JSON patch must be a list of JSONPatch{...}, got \(value.celType)") }
            var root = root
            for operation in operations {
                let parsed = try JSONPatchApplication.Operation(try Node(celValue: operation, at: mark))
                root = try JSONPatchApplication.apply(parsed, to: root)
                if parsed.op != "test" { changed.append("\(parsed.op) \(parsed.path)") }
            }
            return root
        }
    }
}
