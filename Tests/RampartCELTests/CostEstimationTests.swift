import RampartCEL
import Testing

/// The worst-case cost estimate of an expression before it runs (cel-go's checker estimator with the
/// Kubernetes library's call estimates), where values from the object are bounded by the request size.
@Suite("CEL cost estimation")
struct CostEstimationTests {
    static let environment = CELEnvironment(variables: ["object": .dyn, "authorizer": .opaque("kubernetes.authorization.Authorizer", [])])

    static func estimate(_ source: String) throws -> UInt64 {
        try CELProgram(source, environment: environment).estimatedCost
    }

    @Test("small expressions cost what cel-go's estimator gives them", arguments: [
        ("true", UInt64(0)),
        ("object", 1),
        ("1 + 2", 1),
        ("'abc'.startsWith('a')", 1),
        // A list literal costs 10; each of the 3 steps costs the condition (2) and `@result && x > 0` (3).
        ("[1, 2, 3].all(x, x > 0)", 26),
        ("{'a': 1}", 30),
        ("has(object.spec)", 1),
    ])
    func exact(_ source: String, _ cost: UInt64) throws {
        #expect(try Self.estimate(source) == cost)
    }

    @Test("a string read from the object is as long as a request allows")
    func requestBoundString() throws {
        let bounds = CELSizeBounds.kubernetesRequest
        #expect(bounds.string == 3_145_726)
        #expect(bounds.list == 1_048_575)
        #expect(bounds.map == 393_215)
        // matches: (length + 1) × 0.1, rounded up, times the regex length × 0.25, rounded up; plus reading
        // `object` (selecting a field of a `dyn` value costs nothing more, as in cel-go).
        let regex = "^[a-z]+$"
        let expected = (bounds.string + 1).divided(by: 10) * UInt64((Double(regex.count) * 0.25).rounded(.up)) + 1
        #expect(try Self.estimate("object.metadata.name.matches('\(regex)')") == expected)
    }

    @Test("expressions under the budget", arguments: [
        "object.spec.containers.all(c, c.image.startsWith('registry.example.com/'))",
        "object.metadata.labels['team'] in ['a', 'b', 'c']",
        "object.metadata.name.matches('^[a-z]+$')",
        "authorizer.group('').resource('pods').check('create').allowed()",
    ])
    func underBudget(_ source: String) throws {
        #expect(try Self.estimate(source) <= CELCost.estimatedCostLimit)
    }

    @Test("expressions over the budget", arguments: [
        "object.spec.containers.all(c, object.spec.containers.all(d, c.name != d.name || c == d))",
        "object.spec.containers.all(c, c.image.matches('^registry\\\\.example\\\\.com/.*$'))",
        "object.spec.containers.exists(c, c.env.exists(e, e.name == 'X'))",
    ])
    func overBudget(_ source: String) throws {
        #expect(try Self.estimate(source) > CELCost.estimatedCostLimit)
    }

    @Test("an authorizer check costs 350,000: two fit in the per-call limit")
    func authorizerCheck() throws {
        let one = try Self.estimate("authorizer.group('').resource('pods').check('create').allowed()")
        #expect(one > 350_000 && one < 350_100)
    }
}

private extension UInt64 {
    /// Division rounded up.
    func divided(by divisor: UInt64) -> UInt64 { self / divisor + (self % divisor == 0 ? 0 : 1) }
}
