@testable import RampartRules
import Testing

/// The rule pass starts the tenancy verdict's chain of analyses first and the verdict's other rules
/// last; the order only moves work in time (findings keep each rule's place: `ReportOrderTests`).
@Suite struct AuditorStartOrderTests {
    @Test func oneVerdictRuleStartsFirstTheOthersLastTheRestInCatalogOrder() {
        let rules = Catalog.rules.filter { $0.podRule == nil }
        let order = Auditor.startOrder(rules)
        #expect(order.sorted() == Array(rules.indices))
        // The requirement the order reads agrees with the protocol the verdict's rules conform to.
        #expect(rules.allSatisfy { $0.readsTenancyVerdict == ($0 is any TenancyGapRule) })
        let verdict = order.map { rules[$0] is any TenancyGapRule }
        let verdictCount = verdict.count { $0 }
        #expect(verdictCount > 1)
        #expect(verdict.first == true)
        #expect(verdict.suffix(verdictCount - 1).allSatisfy { $0 })
        let rest = Array(order.dropFirst().dropLast(verdictCount - 1))
        #expect(rest.count == rules.count - verdictCount)
        #expect(rest == rest.sorted())
    }

    @Test func withoutVerdictRulesTheCatalogOrderStays() {
        let rules = Catalog.rules.filter { $0.podRule == nil && !($0 is any TenancyGapRule) }
        #expect(Auditor.startOrder(rules) == Array(rules.indices))
    }
}
