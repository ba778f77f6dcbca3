import Foundation
@testable import RampartReport
import RampartRules
import RampartTenancy
import Testing

@Suite struct ReportTests {
    static let context = Example.context(Example.objects(), model: Example.model)
    static let document = TenancyDocument(version: "test", report: context.tenancy,
                                          findings: Auditor.audit(context, rules: TenancyRules.all))

    @Test func jsonIsTheWholeEncodingOfTheDocument() throws {
        // Verdicts, matrix and book of work are encoded item by item and spliced into the rest.
        #expect(!Self.document.matrix.isEmpty && !Self.document.bookOfWork.isEmpty)
        #expect(try JSONReporter.render(Self.document, errors: []) == JSONReporter.encode(AnswerWithErrors(answer: Self.document, errors: [])))
    }

    @Test func htmlIsSelfContainedWithGridMatrixEvidenceAndBookOfWork() {
        let html = HTMLTenancyReporter.render(Self.document, identity: HTMLPage.Identity(scanned: "cluster.yaml (12 objects)", generated: "2026-12-02T10:00:00Z"))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script") && !html.contains("http://") && !html.contains("https://"))
        #expect(html.contains("<h2>Isolation by layer</h2>") && html.contains("<h2>Who can reach whom</h2>"))
        #expect(html.contains("<details open><summary><span class=\"tag fail\">FAIL</span>Compute"))
        #expect(html.contains("<code>tenancy.cross-tenant-access</code>"))
        #expect(HTMLPage.escape("<a href=\"x\">'&") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;")
    }

    @Test func jsonCarriesVerdictsMatrixAndBookOfWork() throws {
        let json = try JSONReporter.encode(Self.document)
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["schemaVersion"] as? Int == 1)
        let tenants = try #require(object["tenants"] as? [[String: Any]])
        #expect(tenants.map { $0["tenant"] as? String } == ["acme", "payments", "search"])
        #expect(tenants.map { $0["achieved"] as? String } == ["none", "soft-affinity", "none"])
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["notMet"] as? [String] == ["acme", "search"])
        #expect((object["bookOfWork"] as? [[String: Any]])?.first?["severity"] as? String == "critical")
    }

    @Test func textTableHasOneRowPerTenant() {
        let text = TenancyTextReporter.render(Self.document, colour: false)
        #expect(text.contains("TENANT    TRUST"))
        #expect(text.contains("payments  trusted"))
        #expect(text.contains("3 tenants: 1 meet their required isolation, 2 do not (acme, search)"))
    }
}
