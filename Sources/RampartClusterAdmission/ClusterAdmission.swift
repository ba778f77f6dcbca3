import RampartCEL
import RampartModel

/// The cluster's own validating admission, read from the inputs: every ValidatingAdmissionPolicy
/// with its bindings and params, evaluated offline on a request as the API server would.
public struct ClusterAdmission: Sendable {
    /// The admission group's policy kinds, in both served versions' group.
    public static let group = "admissionregistration.k8s.io"

    /// Every kind the cluster's admission is read from: policies, bindings and other engines' webhooks.
    /// (Params objects are of any kind; the live reader lists the kinds Rampart knows.)
    public static let reads: Set<ResourceKind> = [
        .validatingAdmissionPolicies, .validatingAdmissionPolicyBindings, .mutatingAdmissionPolicies,
        .mutatingAdmissionPolicyBindings, .validatingWebhookConfigurations,
    ]

    public let policies: [ValidatingPolicy]
    public let bindings: [PolicyBinding]
    /// MutatingAdmissionPolicies, by name (the order they are applied in here).
    public let mutatingPolicies: [MutatingPolicy]
    /// MutatingAdmissionPolicyBindings (read with the validating binding's view: no actions).
    public let mutatingBindings: [PolicyBinding]
    private(set) var inventory: Inventory
    private let policyByName: [String: Int]
    /// Answers the `authorizer` of expressions for a known requester; nil: not answered offline.
    let authorize: Authorize?

    /// How the adapter answers authorization checks for a requester (RBAC among the inputs, in the CLI).
    public typealias Authorize = @Sendable (AdmissionUser, CELAuthorizationCheck) -> CELAuthorizationDecision

    public init(_ inventory: Inventory, authorize: Authorize? = nil) {
        self.inventory = inventory
        self.authorize = authorize
        policies = inventory.objects(ofKind: "ValidatingAdmissionPolicy", group: Self.group).map(ValidatingPolicy.init)
        bindings = inventory.objects(ofKind: "ValidatingAdmissionPolicyBinding", group: Self.group).map(PolicyBinding.init)
        mutatingPolicies = inventory.objects(ofKind: "MutatingAdmissionPolicy", group: Self.group).map(MutatingPolicy.init)
            .sorted { $0.name < $1.name }
        mutatingBindings = inventory.objects(ofKind: "MutatingAdmissionPolicyBinding", group: Self.group).map(PolicyBinding.init)
            .sorted { $0.name < $1.name }
        policyByName = Dictionary(policies.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The same policies and bindings, compiled once, judging requests against the Namespaces and
    /// params objects of `inventory` (its own policies and bindings are not read).
    public func reading(_ inventory: Inventory) -> ClusterAdmission {
        var admission = self
        admission.inventory = inventory
        return admission
    }

    /// True for the objects that configure admission rather than pass through it here: policies,
    /// bindings and the params objects of the policies.
    public func isConfiguration(_ object: KubeObject) -> Bool {
        if object.reference.group == Self.group, Self.configurationKinds.contains(object.kind) { return true }
        let paramKinds = policies.map(\.preamble.paramKind) + mutatingPolicies.map(\.preamble.paramKind)
        return paramKinds.contains { kind in
            guard let kind else { return false }
            return kind.kind == object.kind
                && ObjectReference(apiVersion: kind.apiVersion, kind: kind.kind, namespace: nil, name: "").group == object.reference.group
        }
    }

    private static let configurationKinds: Set<String> = [
        "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding", "MutatingAdmissionPolicy", "MutatingAdmissionPolicyBinding",
    ]

    /// Problems of the configuration as written: expressions that do not compile, bindings to
    /// policies that do not exist, unknown actions.
    public var problems: [PolicyProblem] {
        var problems = policies.flatMap(\.problems) + mutatingPolicies.flatMap(\.problems)
        let mutatingNames = Set(mutatingPolicies.map(\.name))
        let bound = bindings.map { ($0, policyByName[$0.policyName] != nil) } + mutatingBindings.map { ($0, mutatingNames.contains($0.policyName)) }
        for (binding, exists) in bound {
            problems += binding.problems
            if !exists {
                problems.append(PolicyProblem(object: binding.object, path: "spec.policyName",
                                              message: "binds policy \(binding.policyName), which is not among the inputs: the binding does nothing"))
            }
        }
        return problems
    }

    /// An object as admission expressions read it (`object`, `oldObject`, `params`).
    public static func celValue(of object: KubeObject) -> CELValue { CELValue(object.root) }

    /// What the cluster's validating policies do with `request`.
    public func evaluate(_ request: AdmissionAttributes, user: AdmissionUser? = nil) -> PolicyResult {
        guard !bindings.isEmpty else { return PolicyResult() }
        let namespaceLabels = labels(of: request)
        var base = requestBindings(request, user: user)
        let resolution = ParamResolution(inventory: inventory)
        var result = PolicyResult()
        for binding in bindings {
            guard let index = policyByName[binding.policyName] else { continue }
            let policy = policies[index]
            guard policy.preamble.constraints.matches(request, namespaceLabels: namespaceLabels),
                  binding.matchResources.matches(request, namespaceLabels: namespaceLabels) else { continue }
            let params: [CELValue]
            switch resolution.values(for: policy.preamble, binding, request: request) {
            case nil: continue
            case .success(let values)?: params = values
            case .failure(let failure)?:
                let evaluation = PolicyEvaluation(policy: policy, binding: binding, bindings: base)
                if let verdict = evaluation.failed(failure) { result.verdicts.append(verdict) }
                continue
            }
            for param in params {
                base["params"] = param
                let (verdicts, annotations) = PolicyEvaluation(policy: policy, binding: binding, bindings: base).run()
                result.verdicts += verdicts
                result.auditAnnotations.merge(annotations) { first, _ in first }
            }
        }
        return result
    }
}

extension ClusterAdmission {
    /// The labels of the request's namespace (of the Namespace itself for a Namespace).
    func labels(of request: AdmissionAttributes) -> [String: String] {
        NamespaceLabels.labels(of: request.namespace ?? (request.kind == "Namespace" ? request.name : ""), in: inventory)
    }

    /// `object`, `oldObject`, `request` and `namespaceObject` of a request, and where the requester
    /// is known and an authorizer given, `authorizer` and `authorizer.requestResource`.
    func requestBindings(_ request: AdmissionAttributes, user: AdmissionUser?) -> [String: CELValue] {
        var bindings: [String: CELValue] = [
            "object": request.object.map { CELValue($0.root) } ?? .null,
            "oldObject": request.oldObject.map { CELValue($0.root) } ?? .null,
            "request": RequestValues.request(request, user: user),
            "namespaceObject": RequestValues.namespaceObject(request.namespace, in: inventory),
        ]
        if let user, let authorize {
            let ask: CELAuthorize = { authorize(user, $0) }
            bindings["authorizer"] = .authorizer(ask)
            bindings["authorizer.requestResource"] = .requestResourceCheck(
                group: request.group, resource: request.resource, subresource: request.subresource,
                namespace: request.namespace ?? "", name: request.name, ask)
        }
        return bindings
    }
}

/// What the validating policies did with one request: every failed validation, and the audit
/// annotations they wrote (`POLICY/KEY`).
public struct PolicyResult: Sendable {
    public var verdicts: [PolicyVerdict] = []
    public var auditAnnotations: [String: String] = [:]
}
