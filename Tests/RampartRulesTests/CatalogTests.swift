import Foundation
import RampartReport
import RampartRules
import Testing
import TestSupport

@Suite struct CatalogTests {
    @Test func ruleIDsAreUniqueAndFollowThePattern() {
        let ids = Catalog.rules.map(\.metadata.id)
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.wholeMatch(of: /[a-z]+\.[a-z0-9]+(-[a-z0-9]+)*/) != nil, "\(id) does not match family.kebab-name")
        }
    }

    @Test func everyRuleExplainsItself() {
        for rule in Catalog.rules.map(\.metadata) {
            #expect(!rule.title.isEmpty && !rule.rationale.isEmpty && !rule.remediation.isEmpty, "\(rule.id)")
            #expect(!rule.standards.isEmpty, "\(rule.id) maps to no standard")
        }
    }

    @Test func everyRuleHasItsOwnFileNamedAfterIt() throws {
        let sources = Fixtures.repositoryRoot.appendingPathComponent("Sources/RampartRules")
        let names = Set(Fixtures.files(under: sources, extensions: ["swift"]).map { $0.deletingPathExtension().lastPathComponent })
        for rule in Catalog.rules {
            #expect(names.contains(String(describing: type(of: rule))), "\(rule.metadata.id): no file named after its type")
        }
    }

    @Test func docsAreGeneratedFromTheCurrentCatalog() throws {
        let docs = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        #expect(docs == RuleDescription.markdown(Catalog.rules.map { $0.metadata.numbered(by: .standard) }),
                "docs/rules.md is stale: run `swift run rampart rules --format markdown > docs/rules.md`")
    }
}
