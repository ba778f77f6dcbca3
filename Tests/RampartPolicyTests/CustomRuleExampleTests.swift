import Foundation
import RampartLoading
import RampartModel
import RampartPolicy
import RampartRules
import Testing
import TestSupport

/// The custom-rules example (`examples/custom-rules`): each rule passes its `pass/` fixtures and
/// fails its `fail/` ones, as `rampart rules test` checks, and a broken fixture is caught.
@Suite struct CustomRuleExampleTests {
    static let directory = Fixtures.repositoryRoot.appendingPathComponent("examples/custom-rules")
    static let names = ["cost-centre-label", "untrusted-no-docker-hub", "replica-ceiling"]

    static func rule(_ name: String) throws -> CustomRule {
        let file = directory.appendingPathComponent("\(name)/rule.yaml")
        let (rules, errors) = CustomRuleFile.parse(Array(try Data(contentsOf: file)), file: file.path,
                                                   knownRules: Set(Catalog.rules.map(\.metadata.id)))
        #expect(errors == [])
        return try #require(rules.first)
    }

    static func fixtures(_ name: String) -> [CustomRuleFixture] {
        [CustomRuleFixture.Expectation.pass, .fail].flatMap { expectation in
            Fixtures.files(under: directory.appendingPathComponent("\(name)/\(expectation.rawValue)")).map { file in
                let objects = ManifestLoader.load(Array((try? Data(contentsOf: file)) ?? Data()), file: file.path).objects
                return CustomRuleFixture(file: file.lastPathComponent, expectation: expectation, objects: objects)
            }
        }
    }

    @Test("every rule of the example holds on its fixtures", arguments: names)
    func fixturesHold(_ name: String) throws {
        let rule = try Self.rule(name)
        let fixtures = Self.fixtures(name)
        #expect(Set(fixtures.map(\.expectation)) == [.pass, .fail], "each rule has both kinds of fixture")
        for fixture in fixtures {
            let findings = fixture.findings(of: rule)
            #expect(fixture.holds(findings), "\(name)/\(fixture.expectation.rawValue)/\(fixture.file): \(findings.map(\.message))")
        }
    }

    @Test func aBrokenFixtureIsCaught() throws {
        let rule = try Self.rule("cost-centre-label")
        let passing = try #require(Self.fixtures("cost-centre-label").first { $0.expectation == .pass })
        let text = try String(contentsOf: Self.directory.appendingPathComponent("cost-centre-label/pass/labelled.yaml"), encoding: .utf8)
        let broken = CustomRuleFixture(file: "labelled.yaml", expectation: .pass,
                                       objects: Fixtures.objects(text.replacingOccurrences(of: ", cost-centre: cc-1234", with: "")))
        #expect(passing.holds(passing.findings(of: rule)))
        let findings = broken.findings(of: rule)
        #expect(!broken.holds(findings))
        // The finding points at the labels the expression reads.
        #expect(findings.map { "\($0.path) line \($0.location.line)" } == ["metadata.labels line 12"])
    }

    @Test func theExampleConfigurationReadsTheRuleFiles() throws {
        let file = Self.directory.appendingPathComponent("rampart.yaml")
        let ruleFiles = try Self.names.map { name in
            let path = "\(name)/rule.yaml"
            return (file: path, bytes: Array(try Data(contentsOf: Self.directory.appendingPathComponent(path))))
        }
        let (config, errors) = PolicyConfig.parse(Array(try Data(contentsOf: file)), file: "rampart.yaml",
                                                  knownRules: Set(Catalog.rules.map(\.metadata.id)), ruleFiles: ruleFiles)
        #expect(errors == [])
        #expect(config.customRules.map(\.metadata.id) == ["custom.cost-centre-label", "custom.untrusted-no-docker-hub", "custom.replica-ceiling"])
        #expect(config.rules["custom.replica-ceiling"]?.severity == .high)
        #expect(config.exceptions.map(\.rule) == ["custom.cost-centre-label"])
    }
}
