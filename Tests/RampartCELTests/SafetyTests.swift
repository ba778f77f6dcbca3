import RampartCEL
import Testing

/// Hostile expressions end in a compile or evaluation error, never a crash or a hang.
@Suite("CEL safety")
struct SafetyTests {
    @Test("10,000 nested parentheses are a compile error")
    func deepParentheses() {
        let source = String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        #expect(throws: CELCompileError.self) { try CELProgram(source, environment: CELEnvironment()) }
    }

    @Test("a long operator chain and deep lists are compile errors", arguments: [
        Array(repeating: "1", count: 5_000).joined(separator: " + "),
        String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000),
        String(repeating: "a.", count: 5_000) + "b",
        String(repeating: "-(", count: 3_000) + "1" + String(repeating: ")", count: 3_000),
    ])
    func deepChains(_ source: String) {
        #expect(throws: CELCompileError.self) { try CELProgram(source, environment: CELEnvironment(variables: ["a": .dyn])) }
    }

    @Test("a long || chain compiles and evaluates (it is balanced)")
    func longDisjunction() throws {
        let source = Array(repeating: "false", count: 2_000).joined(separator: " || ") + " || true"
        #expect(try CELProgram(source, environment: CELEnvironment()).evaluate([:]) == .bool(true))
    }

    @Test("nested comprehensions stop at the cost limit", arguments: [
        "lists.range(1000).map(x, lists.range(1000).map(y, x * y)).size() > 0",
        "lists.range(100).all(a, lists.range(100).all(b, lists.range(100).all(c, a + b + c >= 0)))",
        "lists.range(2000).all(i, lists.range(2000).all(j, 'abc'.contains('b')))",
    ])
    func costLimit(_ source: String) throws {
        let program = try CELProgram(source, environment: CELEnvironment())
        #expect {
            _ = try program.evaluate([:])
        } throws: { error in
            "\(error)" == "operation cancelled: actual cost limit exceeded"
        }
    }

    @Test("the cost limit cannot be absorbed by || or &&")
    func costNotAbsorbed() throws {
        let program = try CELProgram("lists.range(5000).map(x, lists.range(5000).size()).size() > 0 || true", environment: CELEnvironment())
        #expect(throws: CELEvaluationError.self) { try program.evaluate([:]) }
    }

    @Test("set operations on long lists are near linear", arguments: [
        "lists.range(200000).distinct().size() == 200000",
        "sets.contains(lists.range(200000), lists.range(200000))",
        "sets.equivalent(lists.range(100000), lists.range(100000).reverse())",
    ])
    func longSets(_ source: String) throws {
        #expect(try CELProgram(source, environment: CELEnvironment()).evaluate([:]) == .bool(true))
    }

    @Test("a replace that would multiply a string is refused")
    func replaceGrowth() throws {
        let program = try CELProgram("x.replace('', x).size()", environment: CELEnvironment(variables: ["x": .string]))
        let large = CELValue.string(String(repeating: "a", count: 20_000))
        #expect(throws: CELEvaluationError.self) { try program.evaluate(["x": large]) }
    }

    @Test("expressions just inside the nesting limit compile and evaluate", arguments: [
        String(repeating: "[", count: 200) + "1" + String(repeating: "]", count: 200) + " != []",
        String(repeating: "(", count: 200) + "1" + String(repeating: " + 1)", count: 200) + " == 201",
        String(repeating: "[1].all(x, ", count: 60) + "true" + String(repeating: ")", count: 60),
    ])
    func nearLimit(_ source: String) throws {
        #expect(try CELProgram(source, environment: CELEnvironment()).evaluate([:]) == .bool(true))
    }

    @Test("reading a large object stays within the cost limit (indexing costs one unit, not the map's size)")
    func largeObject() throws {
        let value = CELValue.string(String(repeating: "v", count: 1_000))
        let data = CELMap(stringKeys: (0..<10_000).map { ("key\($0)", value) })
        let program = try CELProgram("data.all(k, data[k].size() <= 1000 && has(data.key1))",
                                     environment: CELEnvironment(variables: ["data": .map(.string, .string)]))
        #expect(try program.evaluate(["data": .map(data)]) == .bool(true))
    }
}
