import Foundation
import RampartReport
import RampartRules
import Testing

/// The audit as one HTML page: self-contained, every root cause with its place, why and fix.
@Suite struct HTMLAuditReporterTests {
    static let identity = HTMLPage.Identity(scanned: "cluster/team.yaml (4 objects)", generated: "2026-12-02T10:00:00Z")

    static func page() -> (AuditReport, String) {
        let report = ReporterTests.report(BookOfWorkTests.manifests)
        return (report, HTMLAuditReporter.render(report, tenancy: nil, rules: Catalog.rules.map(\.metadata), identity: identity))
    }

    @Test func isSelfContainedAndSaysWhatWasScannedAndWhen() {
        let (_, html) = Self.page()
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.hasSuffix("</body></html>\n"))
        #expect(!html.contains("<script") && !html.contains("http://") && !html.contains("https://") && !html.contains("<link"))
        #expect(html.contains("Scanned: cluster/team.yaml (4 objects) · generated 2026-12-02T10:00:00Z"))
        #expect(html.contains("@media print"))
    }

    @Test func everyRootCauseIsInTheBookWithPlaceWhyAndFix() throws {
        let (report, html) = Self.page()
        #expect(html.contains("<h2>Fix these first</h2>") && html.contains("<h2>Book of work</h2>"))
        let rows = html.components(separatedBy: "<tr><td>").count - 1
        #expect(rows == report.bookOfWork.count)
        for finding in report.findings {
            #expect(html.contains("<code>\(finding.ruleId)</code>"), "\(finding.ruleId) is not in the book of work")
            if let file = finding.location.file { #expect(html.contains("\(file):\(finding.location.line)")) }
        }
        let rationale = try #require(Catalog.rule(id: "rbac.impersonate")?.metadata.rationale)
        #expect(html.contains(rationale.replacingOccurrences(of: "'", with: "&#39;")))
    }

    @Test func catalogProseHasNoMarkdownLeft() {
        let (_, html) = Self.page()
        // Remediations quote manifests in backticks; the page shows them as code.
        #expect(!html.contains("`"))
        #expect(html.contains("<code>"))
    }
}
