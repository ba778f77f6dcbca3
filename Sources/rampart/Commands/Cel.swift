import ArgumentParser
import Foundation
import RampartCEL

extension Rampart {
    /// `rampart cel`: the Common Expression Language engine with the Kubernetes libraries.
    struct Cel: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cel",
            abstract: "Compile and evaluate CEL expressions as the Kubernetes API server does.",
            discussion: """
                Examples:
                  rampart cel eval --expr 'object.spec.replicas <= 5' --bindings obj.json
                """,
            subcommands: [CelEval.self])
    }

    /// `rampart cel eval`: compiles one expression and evaluates it against variable values.
    struct CelEval: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "eval",
            abstract: "Compile and evaluate one CEL expression in the Kubernetes CEL environment.",
            discussion: """
                Prints {"value": VALUE}, {"error": MESSAGE} (evaluation failed) or {"compileError": MESSAGE}
                (parse or type check failed) and exits 0; values use the tagged notation of the conformance
                data ({"int": "5"}, {"list": [...]}, {"map": [[KEY, VALUE], ...]}, ...). A compiled expression's
                JSON also has "estimatedCost": its worst-case cost as the API server estimates one (strings,
                lists and maps of the inputs as large as a 3 MiB request allows).

                Examples:
                  rampart cel eval --expr '[1, 2, 3].exists(x, x > 2)'
                  rampart cel eval --expr-file rule.cel --env env.json --format json
                """)

        /// Output formats.
        enum Format: String, ExpressibleByArgument {
            case text, json
        }

        @Option(name: .customLong("expr"), help: "The expression.")
        var expression: String?

        @Option(name: .customLong("expr-file"), help: "A file holding the expression (any bytes, UTF-8).")
        var expressionFile: String?

        @Option(help: "The container (namespace) names resolve in.")
        var container: String = ""

        @Option(help: "A JSON file of declarations: [{\"name\": \"x\", \"ident\": \"int\"}, ...].")
        var env: String?

        @Option(help: "A JSON file of variable values: {\"x\": {\"int\": \"1\"}, ...}.")
        var bindings: String?

        @Flag(help: "Parse without expanding macros (has, all, exists, map, filter, ...).")
        var disableMacros = false

        @Flag(help: "Skip the type check.")
        var disableCheck = false

        @Option(help: "Runtime cost limit (the API server's per-expression limit by default).")
        var costLimit: Int = CELCost.perCallLimit

        @Option(help: "Output format: text or json.")
        var format: Format = .text

        func run() throws {
            let source = try readExpression()
            var environment = CELEnvironment(container: container, macros: !disableMacros)
            if let env {
                environment = try usage(env) { try CELValueNotation.environment(declarations: try readJSON(env), container: container, macros: !disableMacros) }
            }
            var values: [String: CELValue] = [:]
            if let bindings {
                guard let object = try readJSON(bindings) as? [String: Any] else {
                    throw ValidationError("\(bindings): bindings must be a JSON object of tagged values")
                }
                for (name, json) in object {
                    values[name] = try usage(bindings) { try CELValueNotation.decode(json) }
                    if environment.variables[name] == nil { environment.variables[name] = .dyn }
                }
            }
            var outcome: [String: Any]
            do {
                let program = try CELProgram(source, environment: environment, typeCheck: !disableCheck)
                do {
                    outcome = ["value": CELValueNotation.encode(try program.evaluate(values, costLimit: costLimit))]
                } catch {
                    outcome = ["error": "\(error)"]
                }
                if format == .json { outcome["estimatedCost"] = NSNumber(value: program.estimatedCost) }
            } catch {
                outcome = ["compileError": "\(error)"]
            }
            print(try render(outcome))
        }

        private func render(_ outcome: [String: Any]) throws -> String {
            switch format {
            case .json:
                let data = try JSONSerialization.data(withJSONObject: outcome, options: [.sortedKeys, .withoutEscapingSlashes])
                return String(decoding: data, as: UTF8.self)
            case .text:
                if let value = outcome["value"] {
                    let data = try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])
                    return String(decoding: data, as: UTF8.self)
                }
                return outcome.map { "\($0.key): \($0.value)" }.joined()
            }
        }

        private func readExpression() throws -> String {
            switch (expression, expressionFile) {
            case (let text?, nil): return text
            case (nil, let path?):
                guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("\(path): cannot read the file") }
                return String(decoding: data, as: UTF8.self)
            default: throw ValidationError("give the expression with exactly one of --expr or --expr-file")
            }
        }

        private func readJSON(_ path: String) throws -> Any {
            guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("\(path): cannot read the file") }
            do {
                return try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            } catch {
                throw ValidationError("\(path): not JSON (\(error.localizedDescription))")
            }
        }

        /// Runs a conversion of a file's content; its failure is a usage error naming the file.
        private func usage<T>(_ path: String, _ body: () throws -> T) throws -> T {
            do {
                return try body()
            } catch {
                throw ValidationError("\(path): \(error)")
            }
        }
    }
}
