/// One question an admission expression asks the authorizer: `authorizer.group(g).resource(r)
/// .subresource(s).namespace(n).name(x).check(verb)`, or `authorizer.path(p).check(verb)` for a
/// non-resource URL, asked for the requester or for `authorizer.serviceAccount(ns, name)`.
public struct CELAuthorizationCheck: Sendable, Hashable {
    /// The service account asked about, nil for the requester of the admission request.
    public var serviceAccount: ServiceAccount?
    public var verb: String
    /// The non-resource URL (`path(...)`), nil for a resource request.
    public var path: String?
    public var group = "", resource = "", subresource = "", namespace = "", name = ""

    /// A service account named by `authorizer.serviceAccount(namespace, name)`.
    public struct ServiceAccount: Sendable, Hashable {
        public var namespace: String
        public var name: String
    }

    public init(serviceAccount: ServiceAccount? = nil, verb: String, path: String? = nil) {
        self.serviceAccount = serviceAccount
        self.verb = verb
        self.path = path
    }
}

/// The authorizer's answer (`allowed()`, `reason()`, `errored()`, `error()`).
public struct CELAuthorizationDecision: Sendable, Hashable {
    public var allowed: Bool
    public var reason: String
    /// Why the authorizer could not decide; nil when it decided.
    public var error: String?

    public init(allowed: Bool, reason: String, error: String? = nil) {
        self.allowed = allowed
        self.reason = reason
        self.error = error
    }
}

/// Answers authorization checks; the adapter that knows the requester gives it.
public typealias CELAuthorize = @Sendable (CELAuthorizationCheck) -> CELAuthorizationDecision

/// A step of the authorizer library's builder chain, or its decision, as a CEL value: the checks
/// built so far and the function that answers them.
final class AuthorizationValue: CELOpaqueValue {
    enum Stage: Hashable {
        case authorizer, group, resource, path
        case decision(CELAuthorizationDecision)
    }

    let stage: Stage
    let check: CELAuthorizationCheck
    let authorize: CELAuthorize

    init(_ stage: Stage, _ check: CELAuthorizationCheck, _ authorize: @escaping CELAuthorize) {
        self.stage = stage
        self.check = check
        self.authorize = authorize
    }

    /// The same chain at a later stage, with the check changed by `change`.
    func next(_ stage: Stage, _ change: (inout CELAuthorizationCheck) -> Void = { _ in }) -> CELValue {
        var check = check
        change(&check)
        return .opaque(AuthorizationValue(stage, check, authorize))
    }

    var celType: CELType {
        switch stage {
        case .authorizer: .kubernetesAuthorizer
        case .group: .opaque("kubernetes.authorization.GroupCheck", [])
        case .resource: .kubernetesResourceCheck
        case .path: .opaque("kubernetes.authorization.PathCheck", [])
        case .decision: .opaque("kubernetes.authorization.Decision", [])
        }
    }

    func isEqual(to other: any CELOpaqueValue) -> Bool { other === self }

    var description: String { celType.description }
}

extension CELValue {
    /// The `authorizer` variable of admission expressions, answered by `authorize`.
    public static func authorizer(_ authorize: @escaping CELAuthorize) -> CELValue {
        .opaque(AuthorizationValue(.authorizer, CELAuthorizationCheck(verb: ""), authorize))
    }

    /// The `authorizer.requestResource` variable: a resource check of the request's own resource.
    public static func requestResourceCheck(group: String, resource: String, subresource: String, namespace: String,
                                            name: String, _ authorize: @escaping CELAuthorize) -> CELValue {
        var check = CELAuthorizationCheck(verb: "")
        (check.group, check.resource, check.subresource, check.namespace, check.name) = (group, resource, subresource, namespace, name)
        return .opaque(AuthorizationValue(.resource, check, authorize))
    }
}

extension CELType {
    /// The type of `authorizer.requestResource` (and of a resource check being built).
    public static let kubernetesResourceCheck = CELType.opaque("kubernetes.authorization.ResourceCheck", [])
}
