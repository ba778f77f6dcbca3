import RampartCEL
import Testing

/// cel-go's two-variable comprehensions (`ext.TwoVarComprehensions`, in the Kubernetes environment
/// since 1.33), with the examples of its documentation and its tests.
@Suite("CEL two-variable comprehensions")
struct TwoVariableComprehensionTests {
    static func value(_ source: String) throws -> CELValue {
        try CELProgram(source, environment: CELEnvironment()).evaluate([:])
    }

    static func map(_ entries: [(CELValue, CELValue)]) -> CELValue {
        .map(CELMap(entries.map { (key: $0.0, value: $0.1) }))
    }

    @Test("transformMapEntry builds a map from the entries each element gives", arguments: [
        ("{'greeting': 'hello'}.transformMapEntry(k, v, {v: k})", map([(.string("hello"), .string("greeting"))])),
        ("[1, 2, 3].transformMapEntry(i, v, {v: i})", map([(.int(1), .int(0)), (.int(2), .int(1)), (.int(3), .int(2))])),
        ("[1, 2, 3].transformMapEntry(i, v, i % 2 == 0, {v: i})", map([(.int(1), .int(0)), (.int(3), .int(2))])),
        ("[1, 2].transformMapEntry(i, v, v == 1 ? {} : {'two': v, 'index': i})", map([(.string("two"), .int(2)), (.string("index"), .int(1))])),
        ("'k1:v1 k2:v2'.split(' ').transformMapEntry(i, v, {v.split(':')[0]: v.split(':')[1]}) == {'k1': 'v1', 'k2': 'v2'}", .bool(true)),
    ])
    func transformMapEntry(_ source: String, _ expected: CELValue) throws {
        #expect(try Self.value(source) == expected)
    }

    @Test("a key given twice is an error, not an overwrite")
    func duplicateKey() {
        #expect {
            _ = try Self.value("{'greeting': 'aloha', 'farewell': 'aloha'}.transformMapEntry(k, v, {v: k})")
        } throws: { error in
            (error as? CELEvaluationError)?.message == "insert failed: key aloha already exists"
        }
    }

    @Test("the entry expression must be a map", arguments: ["[1].transformMapEntry(i, v, v)", "[1].transformMapEntry(i, v, [v])"])
    func entryMustBeAMap(_ source: String) {
        #expect(throws: CELCompileError.self) { _ = try CELProgram(source, environment: CELEnvironment()) }
    }

    @Test("the iteration variables must be simple names and distinct", arguments: [
        "[1].transformMapEntry(i.x, v, {v: i})", "[1].transformMapEntry(v, v, {v: v})",
    ])
    func iterationVariables(_ source: String) {
        #expect(throws: CELCompileError.self) { _ = try CELProgram(source, environment: CELEnvironment()) }
    }
}
