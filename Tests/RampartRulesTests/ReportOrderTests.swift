import Foundation
import RampartModel
import RampartRules
import Testing
import TestSupport

/// `ReportOrder` sorts by integer keys and compares whole findings only between equal keys: it must
/// give exactly the order of `Finding.<`, on the findings of a real cluster in any arrival order.
@Suite struct ReportOrderTests {
    /// The example cluster's findings from every rule (several files, every severity, many rules,
    /// findings that share a line), in report order.
    static let findings: [Finding] = {
        let directory = Fixtures.repositoryRoot.appendingPathComponent("examples/cluster")
        let objects = Fixtures.files(under: directory).flatMap { url in
            Fixtures.objects((try? String(contentsOf: url, encoding: .utf8)) ?? "", file: url.lastPathComponent)
        }
        return Auditor.audit(AuditContext(inventory: Inventory(objects: objects)), rules: Catalog.rules)
    }()

    @Test func givesTheOrderOfTheFullComparisonWhateverTheArrivalOrder() {
        #expect(Self.findings.count > 100)
        #expect(Set(Self.findings.compactMap(\.location.file)).count > 1)
        var generator = SplitMix64(seed: 21)
        for _ in 0..<5 {
            let shuffled = Self.findings.shuffled(using: &generator)
            #expect(ReportOrder.sorted(shuffled) == shuffled.sorted())
        }
        #expect(ReportOrder.sorted(Self.findings.reversed()) == Self.findings.reversed().sorted())
    }

    @Test func ordersValuesByTheFindingTheyCarry() {
        var generator = SplitMix64(seed: 7)
        let tagged = Self.findings.shuffled(using: &generator).enumerated().map { (tag: $0.offset, finding: $0.element) }
        let sorted = ReportOrder.sorted(tagged, finding: \.finding)
        #expect(sorted.map(\.finding) == tagged.map(\.finding).sorted())
        // Equal findings keep their arrival order.
        let doubled = tagged + tagged.map { (tag: $0.tag + tagged.count, finding: $0.finding) }
        let pairs = ReportOrder.sorted(doubled, finding: \.finding)
        for index in stride(from: 0, to: pairs.count, by: 2) {
            #expect(pairs[index].finding == pairs[index + 1].finding && pairs[index].tag + tagged.count == pairs[index + 1].tag)
        }
    }
}
