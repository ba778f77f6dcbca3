import RampartCEL
import Synchronization
import Testing

/// The authorizer library of admission expressions, answered by a function the caller gives: the
/// builder chain reaches that function with every field it set, and the decision's accessors read its answer.
@Suite("CEL authorizer library")
struct AuthorizationLibraryTests {
    static let environment = CELEnvironment(variables: [
        "authorizer": .kubernetesAuthorizer, "authorizer.requestResource": .kubernetesResourceCheck,
    ])

    /// Evaluates `source` with an authorizer that allows only `get` of secrets named `db` in `shop`
    /// and `/healthz`, and records every check it is asked.
    static func evaluate(_ source: String) throws -> (CELValue, [CELAuthorizationCheck]) {
        let asked = Mutex<[CELAuthorizationCheck]>([])
        let authorize: CELAuthorize = { check in
            asked.withLock { $0.append(check) }
            let allowed = (check.verb == "get" && check.resource == "secrets" && check.namespace == "shop" && check.name == "db")
                || check.path == "/healthz"
            return CELAuthorizationDecision(allowed: allowed, reason: allowed ? "RBAC: allowed" : "", error: check.verb == "boom" ? "no answer" : nil)
        }
        let program = try CELProgram(source, environment: environment)
        let value = try program.evaluate([
            "authorizer": .authorizer(authorize),
            "authorizer.requestResource": .requestResourceCheck(group: "apps", resource: "deployments", subresource: "scale",
                                                                namespace: "shop", name: "web", authorize),
        ])
        return (value, asked.withLock { $0 })
    }

    @Test("a resource check carries group, resource, subresource, namespace, name and verb")
    func resourceCheck() throws {
        let (value, asked) = try Self.evaluate("authorizer.group('').resource('secrets').namespace('shop').name('db').check('get').allowed()")
        #expect(value == .bool(true))
        var expected = CELAuthorizationCheck(verb: "get")
        (expected.resource, expected.namespace, expected.name) = ("secrets", "shop", "db")
        #expect(asked == [expected])
    }

    @Test("the decision's accessors", arguments: [
        ("authorizer.group('').resource('secrets').namespace('shop').name('other').check('get').allowed()", CELValue.bool(false)),
        ("authorizer.group('').resource('secrets').namespace('shop').name('db').check('get').reason()", .string("RBAC: allowed")),
        ("authorizer.group('').resource('pods').check('boom').errored()", .bool(true)),
        ("authorizer.group('').resource('pods').check('boom').error()", .string("no answer")),
        ("authorizer.group('').resource('pods').check('list').error()", .string("")),
        ("authorizer.path('/healthz').check('get').allowed()", .bool(true)),
    ])
    func accessors(_ source: String, _ expected: CELValue) throws {
        #expect(try Self.evaluate(source).0 == expected)
    }

    @Test("a service account and the request's own resource are asked about as such")
    func serviceAccountAndRequestResource() throws {
        let (_, asked) = try Self.evaluate(
            "authorizer.serviceAccount('shop', 'deployer').group('apps').resource('deployments').check('update').allowed()"
                + " || authorizer.requestResource.check('update').allowed()")
        #expect(asked.map { $0.serviceAccount.map { "\($0.namespace)/\($0.name)" } } == ["shop/deployer", nil])
        #expect(asked.last.map { [$0.group, $0.resource, $0.subresource, $0.namespace, $0.name, $0.verb] }
                    == ["apps", "deployments", "scale", "shop", "web", "update"])
    }

    @Test("without an authorizer bound, asking it is an evaluation error")
    func unbound() throws {
        let program = try CELProgram("authorizer.group('').resource('pods').check('get').allowed()", environment: Self.environment)
        #expect(throws: CELEvaluationError.self) { try program.evaluate([:]) }
    }
}
