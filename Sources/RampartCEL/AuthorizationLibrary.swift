/// The Kubernetes authorizer library at run time (apiserver `library/authz.go`): the builder chain
/// `authorizer.group(g).resource(r).subresource(s).namespace(n).name(x).check(verb)`,
/// `authorizer.path(p).check(verb)` and `authorizer.serviceAccount(ns, name)`, and the decision's
/// `allowed()`, `reason()`, `errored()` and `error()`. The `authorizer` value carries the function
/// that answers (`CELValue.authorizer`); without one bound, a call fails as an unbound variable does.
enum AuthorizationLibrary {
    static func register(_ r: inout FunctionRegistry) {
        r.member("group") { (a, g) throws(CELEvaluationError) in
            let (value, group) = try step(a, g, .authorizer, "group")
            return value.next(.group) { $0.group = group }
        }
        r.member("path") { (a, p) throws(CELEvaluationError) in
            let (value, path) = try step(a, p, .authorizer, "path")
            return value.next(.path) { $0.path = path }
        }
        r.member("serviceAccount", arity: 3) { (args) throws(CELEvaluationError) in
            let (value, namespace) = try step(args[0], args[1], .authorizer, "serviceAccount")
            guard case .string(let name) = args[2] else { throw .noSuchOverload("serviceAccount") }
            return value.next(.authorizer) { $0.serviceAccount = .init(namespace: namespace, name: name) }
        }
        r.member("resource") { (a, n) throws(CELEvaluationError) in
            let (value, resource) = try step(a, n, .group, "resource")
            return value.next(.resource) { $0.resource = resource }
        }
        resourceField(&r, "subresource") { $0.subresource = $1 }
        resourceField(&r, "namespace") { $0.namespace = $1 }
        resourceField(&r, "name") { $0.name = $1 }
        r.member("check") { (a, v) throws(CELEvaluationError) in
            guard case .opaque(let opaque) = a, let value = opaque as? AuthorizationValue,
                  value.stage == .resource || value.stage == .path, case .string(let verb) = v else { throw .noSuchOverload("check") }
            var check = value.check
            check.verb = verb
            return value.next(.decision(value.authorize(check)))
        }
        r.member("allowed") { (d) throws(CELEvaluationError) in .bool(try decision(d, "allowed").allowed) }
        r.member("reason") { (d) throws(CELEvaluationError) in .string(try decision(d, "reason").reason) }
        r.member("errored") { (d) throws(CELEvaluationError) in .bool(try decision(d, "errored").error != nil) }
        r.member("error") { (d) throws(CELEvaluationError) in .string(try decision(d, "error").error ?? "") }
    }

    /// A step of a resource check that sets one of its fields.
    private static func resourceField(_ r: inout FunctionRegistry, _ function: String,
                                      _ set: @escaping @Sendable (inout CELAuthorizationCheck, String) -> Void) {
        r.member(function) { (a, s) throws(CELEvaluationError) in
            let (value, text) = try step(a, s, .resource, function)
            return value.next(.resource) { set(&$0, text) }
        }
    }

    /// The chain value at `stage` and the string argument of the next step.
    private static func step(_ receiver: CELValue, _ argument: CELValue, _ stage: AuthorizationValue.Stage,
                             _ function: String) throws(CELEvaluationError) -> (AuthorizationValue, String) {
        guard case .opaque(let opaque) = receiver, let value = opaque as? AuthorizationValue, value.stage == stage,
              case .string(let text) = argument else { throw .noSuchOverload(function) }
        return (value, text)
    }

    private static func decision(_ receiver: CELValue, _ function: String) throws(CELEvaluationError) -> CELAuthorizationDecision {
        guard case .opaque(let opaque) = receiver, let value = opaque as? AuthorizationValue,
              case .decision(let decision) = value.stage else { throw .noSuchOverload(function) }
        return decision
    }
}
