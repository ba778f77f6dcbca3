import Foundation
import RampartCEL
import Testing
import TestSupport

/// Seeded fuzzing of the whole engine: mutations of every conformance expression and random
/// expressions from a small grammar are compiled and evaluated; nothing may crash or run long.
/// `RAMPART_FUZZ_ITERATIONS` (default 6,000) is the number of mutants, shared by the seeds.
@Suite("CEL fuzz")
struct FuzzTests {
    static let fragments = [
        "(", ")", "[", "]", "{", "}", ".", ",", ":", "?", "!", "-", "+", "*", "/", "%", "==", "<", ">=", "&&", "||",
        "in", ".?", "[?", "'", "\"", "'''", "b'", "r'", "\\", "\\u", "\\x", "0x", "1u", "9223372036854775807",
        "-9223372036854775808", "1e308", "NaN", "null", "true", "x", "self", "has(", ".all(x, ", ".map(x, ",
        ".exists_one(y, ", ".filter(z, ", "size(", "int(", "string(", "timestamp('", "duration('", "optional.of(",
        ".orValue(", "matches(", "'(a+)+$'", "lists.range(", "quantity('", "ip('", "cidr('", "\u{0}", "é", "😀",
        "dyn(", "type(", "format([", "sortBy(e, ", "transformMap(k, v, ",
    ]

    static let seeds: [String] = {
        var expressions: [String] = []
        for file in ConformanceCase.files {
            for testCase in (try? ConformanceCase.load(file)) ?? [] { expressions.append(testCase.expression) }
        }
        return expressions
    }()

    static func mutate(_ source: String, _ rng: inout SplitMix64) -> String {
        var scalars = Array(source.unicodeScalars)
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            let position = scalars.isEmpty ? 0 : Int.random(in: 0...scalars.count, using: &rng)
            switch Int.random(in: 0..<4, using: &rng) {
            case 0 where position < scalars.count:
                scalars.remove(at: position)
            case 1:
                let fragment = fragments.randomElement(using: &rng) ?? "("
                scalars.insert(contentsOf: fragment.unicodeScalars, at: position)
            case 2 where !scalars.isEmpty:
                let length = Int.random(in: 1...min(8, scalars.count), using: &rng)
                let start = Int.random(in: 0...(scalars.count - length), using: &rng)
                scalars.insert(contentsOf: scalars[start..<(start + length)], at: position)
            default:
                let other = seeds.randomElement(using: &rng) ?? "1"
                scalars.insert(contentsOf: other.unicodeScalars.prefix(20), at: position)
            }
        }
        return String(String.UnicodeScalarView(scalars))
    }

    static func random(_ depth: Int, _ rng: inout SplitMix64) -> String {
        let leaves = ["1", "2u", "3.5", "'a'", "b'z'", "true", "null", "x", "[1, 2]", "{'k': 1}", "duration('1s')",
                      "timestamp('2024-01-01T00:00:00Z')", "optional.none()"]
        guard depth > 0 else { return leaves.randomElement(using: &rng) ?? "1" }
        let a = random(depth - 1, &rng), b = random(depth - 1, &rng)
        let forms = [
            "\(a) + \(b)", "\(a) - \(b)", "\(a) * \(b)", "\(a) / \(b)", "\(a) % \(b)", "\(a) == \(b)", "\(a) < \(b)",
            "\(a) && \(b)", "\(a) || \(b)", "!\(a)", "-\(a)", "\(a) ? \(b) : \(a)", "[\(a), \(b)]", "{\(a): \(b)}",
            "\(a)[\(b)]", "\(a).k", "has(\(a).k)", "size(\(a))", "string(\(a))", "int(\(a))", "type(\(a))",
            "[\(a)].map(v, \(b))", "[\(a), \(b)].all(v, v == \(a))", "\(a) in [\(b)]", "dyn(\(a)).?k.orValue(\(b))",
            "'%s'.format([\(a)])", "[\(a), \(b)].sort()", "\(a).indexOf(\(b))",
        ]
        return forms.randomElement(using: &rng) ?? a
    }

    /// Compiles (checked and unchecked) and evaluates; any outcome but a crash is fine.
    static func exercise(_ source: String) {
        let environment = CELEnvironment(variables: ["x": .dyn, "self": .dyn])
        let bindings: [String: CELValue] = ["x": .map(CELMap(stringKeys: [("k", .int(1))])), "self": .list([.int(1)])]
        for check in [true, false] {
            if let program = try? CELProgram(source, environment: environment, typeCheck: check) {
                _ = try? program.evaluate(bindings)
            }
        }
    }

    static let mutationSeeds: [UInt64] = [1, 2, 3]

    static var iterationsPerSeed: Int {
        (Int(ProcessInfo.processInfo.environment["RAMPART_FUZZ_ITERATIONS"] ?? "") ?? 6_000) / mutationSeeds.count
    }

    @Test("mutated conformance expressions", arguments: mutationSeeds)
    func mutations(_ seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        #expect(!Self.seeds.isEmpty)
        for _ in 0..<Self.iterationsPerSeed {
            let source = Self.mutate(Self.seeds.randomElement(using: &rng) ?? "1", &rng)
            Self.exercise(source)
        }
    }

    @Test("random well-formed expressions", arguments: [UInt64(7), 8])
    func generated(_ seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        for _ in 0..<1_500 {
            Self.exercise(Self.random(Int.random(in: 1...4, using: &rng), &rng))
        }
    }
}
