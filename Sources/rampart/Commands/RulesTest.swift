import ArgumentParser
import Foundation
import RampartLoading
import RampartPolicy
import RampartRules

extension Rampart.Rules {
    /// `rampart rules test DIR`: every custom rule against the `pass/` and `fail/` fixtures beside it.
    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "test",
            abstract: "Test custom rules against the pass/ and fail/ fixtures beside them.",
            discussion: """
                Every directory under DIR that has a pass/ or fail/ directory holds rule files (*.yaml, \
                kind: CustomRule) beside them. Each rule must report nothing on every file of pass/ and at \
                least one finding on every file of fail/. Exit status: 0 every fixture as expected; 1 a \
                mismatch; 2 a rule file or fixture that cannot be read.

                Examples:
                  rampart rules test examples/custom-rules
                """)

        @Argument(help: "The directory of rules and their fixtures.")
        var directory: String

        func run() throws {
            let suites = try RuleFixtureDirectory.suites(under: directory)
            guard !suites.isEmpty else { throw ValidationError("no rule with pass/ or fail/ fixtures under \(directory)") }
            var mismatches = 0, checks = 0
            for suite in suites {
                for rule in suite.rules {
                    for fixture in suite.fixtures {
                        checks += 1
                        let findings = fixture.findings(of: rule)
                        if fixture.holds(findings) {
                            print("ok    \(rule.metadata.id) \(fixture.file)")
                        } else {
                            mismatches += 1
                            let got = findings.isEmpty ? "no finding"
                                : findings.map { "\($0.location.line): \($0.message)" }.joined(separator: "; ")
                            print("FAIL  \(rule.metadata.id) \(fixture.file): expected to \(fixture.expectation.rawValue), got \(got)")
                        }
                    }
                }
            }
            print("\(checks - mismatches) of \(checks) fixture checks as expected")
            if mismatches > 0 { throw ExitCode.findings }
        }
    }
}

/// The rules and fixtures of one directory of `rampart rules test`.
struct RuleFixtureDirectory {
    var rules: [CustomRule]
    var fixtures: [CustomRuleFixture]

    /// Every directory under `root` (itself included) with `pass/` or `fail/`, in path order; a rule
    /// file or fixture that cannot be read stops the command (exit 2) after listing every error.
    static func suites(under root: String) throws -> [RuleFixtureDirectory] {
        let manager = FileManager.default
        let below = ((try? manager.subpathsOfDirectory(atPath: root)) ?? []).map { root + "/" + $0 }
        var errors: [InputError] = []
        var taken = Set(Catalog.rules.map(\.metadata.id))
        var suites: [RuleFixtureDirectory] = []
        for directory in ([root] + below).sorted() where isDirectory(directory) {
            let expectations = [CustomRuleFixture.Expectation.pass, .fail].filter { isDirectory(directory + "/" + $0.rawValue) }
            guard !expectations.isEmpty else { continue }
            var suite = RuleFixtureDirectory(rules: [], fixtures: [])
            for file in yamlFiles(in: directory) {
                let (rules, ruleErrors) = CustomRuleFile.parse(try ConfigFile.bytes(of: file), file: file, knownRules: taken)
                suite.rules += rules
                errors += ruleErrors
                taken.formUnion(rules.map(\.metadata.id))
            }
            for expectation in expectations {
                for file in yamlFiles(in: directory + "/" + expectation.rawValue) {
                    let loaded = ManifestLoader.load(try ConfigFile.bytes(of: file), file: file)
                    errors += loaded.errors
                    suite.fixtures.append(CustomRuleFixture(file: file, expectation: expectation, objects: loaded.objects))
                }
            }
            suites.append(suite)
        }
        try ConfigFile.stop(on: errors)
        return suites
    }

    private static func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }

    /// The `*.yaml` and `*.yml` files directly in `directory`, sorted.
    private static func yamlFiles(in directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .sorted()
            .map { directory + "/" + $0 }
            .filter { !isDirectory($0) }
    }
}
