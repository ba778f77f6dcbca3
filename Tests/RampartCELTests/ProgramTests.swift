import RampartCEL
import Testing

/// A compiled program evaluated many times, as admission policies use it.
@Suite("CEL programs")
struct ProgramTests {
    static func pod(privileged: [Bool?]) -> CELValue {
        let containers: [CELValue] = privileged.enumerated().map { index, flag in
            var entries: [(String, CELValue)] = [("name", .string("c\(index)")), ("image", .string("nginx:1.27"))]
            if let flag { entries.append(("securityContext", .map(CELMap(stringKeys: [("privileged", .bool(flag))])))) }
            return .map(CELMap(stringKeys: entries))
        }
        return .map(CELMap(stringKeys: [("spec", .map(CELMap(stringKeys: [("containers", .list(containers))])))]))
    }

    static let policy = "object.spec.containers.all(c, !has(c.securityContext) || c.securityContext.privileged != true)"

    @Test("one compiled policy judges many objects")
    func reuse() throws {
        let program = try CELProgram(Self.policy, environment: CELEnvironment(variables: ["object": .dyn]))
        #expect(program.resultType == .bool)
        #expect(try program.evaluate(["object": Self.pod(privileged: [nil, false, nil])]) == .bool(true))
        #expect(try program.evaluate(["object": Self.pod(privileged: [nil, true, false])]) == .bool(false))
        #expect(try program.evaluate(["object": Self.pod(privileged: [])]) == .bool(true))
    }

    @Test("a missing field or binding is an evaluation error that || can absorb")
    func missing() throws {
        let environment = CELEnvironment(variables: ["object": .dyn])
        let absorbed = try CELProgram("object.metadata.name == 'x' || true", environment: environment)
        #expect(try absorbed.evaluate(["object": Self.pod(privileged: [])]) == .bool(true))
        #expect(try absorbed.evaluate([:]) == .bool(true))
        let strict = try CELProgram("object.metadata.name == 'x'", environment: environment)
        #expect(throws: CELEvaluationError.self) { try strict.evaluate(["object": Self.pod(privileged: [])]) }
        #expect(throws: CELEvaluationError.self) { try strict.evaluate([:]) }
    }

    @Test("type errors are compile errors with a position", arguments: [
        ("1 + 'a'", 3), ("[1, 'a']", 5), ("undefinedVariable", 1), ("isIP(cidr('10.0.0.0/8'))", 1),
    ])
    func compileErrors(_ source: String, _ column: Int) {
        #expect {
            _ = try CELProgram(source, environment: CELEnvironment())
        } throws: { error in
            (error as? CELCompileError)?.column == column
        }
    }

    @Test("only the variables an expression reads are asked for")
    func referencedVariables() throws {
        let environment = CELEnvironment(variables: ["object": .dyn, "oldObject": .dyn, "params": .dyn])
        let program = try CELProgram("object.spec.containers.size() > 0 || params.max == 1", environment: environment)
        #expect(program.referencedVariables == ["object", "params"])
        var asked: [String] = []
        let result = try program.evaluate { name in
            asked.append(name)
            return name == "object" ? Self.pod(privileged: [nil]) : nil
        }
        #expect(result == .bool(true))
        #expect(asked.sorted() == ["object", "params"])
    }
}
