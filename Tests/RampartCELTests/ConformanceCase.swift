import Foundation
import RampartCEL
import TestSupport

/// One conformance test of `../shared/conformance/cel` that a Kubernetes CEL environment must pass.
struct ConformanceCase: Sendable {
    let label: String
    let expression: String
    let environment: CELEnvironment
    let typeCheck: Bool
    let bindings: [String: CELValue]
    let expected: Expected

    enum Expected: Sendable {
        case value(CELValue)
        case evaluationError
        case compileError
        /// cel-spec: an error, at evaluation or (for a checking environment) at compilation.
        case anyError
    }

    /// The data directory; a missing directory is a test failure, not a skip.
    static var dataDirectory: URL {
        get throws {
            guard let shared = Fixtures.sharedDirectory else {
                throw Missing(description: "../shared is absent: the CEL conformance data cannot be read")
            }
            return shared.appendingPathComponent("conformance/cel")
        }
    }

    struct Missing: Error, CustomStringConvertible {
        let description: String
    }

    /// The relative paths of the case files: every cel-spec file and the Kubernetes library cases.
    static let files: [String] = {
        let specDirectory = (Fixtures.sharedDirectory ?? URL(fileURLWithPath: "/nonexistent"))
            .appendingPathComponent("conformance/cel/cel-spec")
        let spec = ((try? FileManager.default.contentsOfDirectory(atPath: specDirectory.path)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted().map { "cel-spec/" + $0 }
        return spec + ["k8s-library.json"]
    }()

    /// The cases of one file that count for Kubernetes (`k8sSkip` null, not type-check only).
    static func load(_ file: String) throws -> [ConformanceCase] {
        let url = try dataDirectory.appendingPathComponent(file)
        let root = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        var cases: [ConformanceCase] = []
        for section in root?["sections"] as? [[String: Any]] ?? [] {
            for test in section["tests"] as? [[String: Any]] ?? [] {
                guard test["k8sSkip"] is NSNull, test["checkOnly"] as? Bool != true else { continue }
                cases.append(try ConformanceCase(test, section: section["name"] as? String ?? "", k8s: file == "k8s-library.json"))
            }
        }
        return cases
    }

    private init(_ test: [String: Any], section: String, k8s: Bool) throws {
        label = "\(section)/\(test["name"] as? String ?? "?")"
        expression = test["expr"] as? String ?? ""
        var environment = try CELValueNotation.environment(
            declarations: test["typeEnv"] ?? [], container: test["container"] as? String ?? "",
            macros: test["disableMacros"] as? Bool != true)
        var values: [String: CELValue] = [:]
        for (name, json) in test["bindings"] as? [String: Any] ?? [:] {
            values[name] = try CELValueNotation.decode(json)
            if environment.variables[name] == nil { environment.variables[name] = .dyn }
        }
        self.environment = environment
        bindings = values
        typeCheck = test["disableCheck"] as? Bool != true
        let expected = test["expected"] as? [String: Any] ?? [:]
        if let value = expected["value"] {
            self.expected = .value(try CELValueNotation.decode(value))
        } else if expected["compileError"] as? Bool == true {
            self.expected = .compileError
        } else {
            self.expected = k8s ? .evaluationError : .anyError
        }
    }

    /// Runs the case; nil when it passes, else what went wrong.
    func failure() -> String? {
        let program: CELProgram
        do {
            program = try CELProgram(expression, environment: environment, typeCheck: typeCheck)
        } catch {
            switch expected {
            case .compileError, .anyError: return nil
            default: return "\(label): `\(expression)` did not compile: \(error)"
            }
        }
        let outcome = Result { try program.evaluate(bindings) }
        switch (expected, outcome) {
        case (.value(let want), .success(let got)):
            return want == got ? nil : "\(label): `\(expression)` gave \(got), expected \(want)"
        case (.evaluationError, .failure), (.anyError, .failure):
            return nil
        default:
            return "\(label): `\(expression)` gave \(outcome), expected \(expected)"
        }
    }
}
