import RampartModel
import RampartRules

/// The whole audit as one self-contained HTML page, readable printed: the identity of what was
/// scanned, the counts, what to fix first, the tenants' isolation grid (when tenants were found),
/// then the book of work: every root cause in the order to fix them, each with its object,
/// file:line, the findings it causes, why they matter and how to fix it.
public enum HTMLAuditReporter {
    public static func render(_ report: AuditReport, tenancy: TenancyDocument?, rules: [RuleMetadata],
                              identity: HTMLPage.Identity) -> String {
        let rationale = Dictionary(rules.map { ($0.id, $0.rationale) }, uniquingKeysWith: { first, _ in first })
        var html = counts(report)
        html += notices(report)
        html += fixFirst(report)
        if let tenancy, !tenancy.tenants.isEmpty {
            html += HTMLTenancyReporter.verdictGrid(tenancy)
        }
        html += bookOfWork(report, rationale: rationale)
        return HTMLPage.document(title: "Rampart audit", identity: identity, version: report.tool.version, body: html)
    }

    private static func counts(_ report: AuditReport) -> String {
        let summary = report.summary
        var html = "<div class=\"counts\">"
        html += "<div class=\"count\"><b>\(summary.failed ? "FAIL" : "ok")</b>fail-on \(summary.failOn.rawValue)</div>"
        html += "<div class=\"count\"><b>\(report.objects)</b>objects</div>"
        html += "<div class=\"count\"><b>\(summary.findings)</b>findings</div>"
        html += "<div class=\"count\"><b>\(report.bookOfWork.count)</b>root causes</div>"
        for severity in Severity.allCases.sorted(by: >) {
            html += "<div class=\"count\"><b class=\"sev \(severity.rawValue)\">\(summary.bySeverity[severity.rawValue] ?? 0)</b>\(severity.rawValue)</div>"
        }
        if summary.suppressed > 0 { html += "<div class=\"count\"><b>\(summary.suppressed)</b>suppressed</div>" }
        if summary.errors > 0 { html += "<div class=\"count\"><b class=\"sev high\">\(summary.errors)</b>input errors</div>" }
        return html + "</div>\n"
    }

    private static func notices(_ report: AuditReport) -> String {
        var items = report.errors.map { "<li><span class=\"tag fail\">error</span>\(HTMLPage.escape($0.description))</li>" }
        items += report.notices.map { "<li><span class=\"tag warn\">notice</span>\(HTMLPage.prose($0.message))</li>" }
        if !report.platformNamespaceProposals.isEmpty {
            items.append("<li><span class=\"tag warn\">notice</span>Well-known platform namespaces are judged as tenants: "
                + HTMLPage.escape(report.platformNamespaceProposals.joined(separator: ", "))
                + ". If the platform team runs them, list them under <code>platformNamespaces</code> in <code>.rampart.yaml</code>.</li>")
        }
        if let source = report.source, !source.coverageGaps.isEmpty {
            items.append("<li><span class=\"tag warn\">not covered</span>" + HTMLPage.escape(source.coverageGaps.map(\.resource).joined(separator: ", ")) + "</li>")
        }
        return items.isEmpty ? "" : "<ul>\n" + items.joined(separator: "\n") + "\n</ul>\n"
    }

    private static func fixFirst(_ report: AuditReport) -> String {
        let first = BookOfWork.first(report.bookOfWork)
        guard !first.isEmpty else { return "<h2>Nothing to fix</h2>\n<p>No finding at any severity.</p>\n" }
        var html = "<h2>Fix these first</h2>\n<ol class=\"first\">\n"
        for item in first {
            html += "<li><span class=\"sev \(item.severity.rawValue)\">\(item.severity.rawValue.uppercased())</span> "
            html += "\(HTMLPage.escape(item.object.description)) <span class=\"where\">\(HTMLPage.escape(HTMLPage.place(item.location)))</span>"
            html += item.consequences.count > 1 ? " — \(item.consequences.count) findings" : " — \(HTMLPage.escape(item.title))"
            html += "<br>\(HTMLPage.prose(item.fix))</li>\n"
        }
        return html + "</ol>\n"
    }

    private static func bookOfWork(_ report: AuditReport, rationale: [String: String]) -> String {
        guard !report.bookOfWork.isEmpty else { return "" }
        var html = "<h2>Book of work</h2>\n<p class=\"meta\">Root causes in the order to fix them: severity, then how many findings the fix removes.</p>\n"
        html += "<table class=\"book\"><colgroup><col style=\"width:3%\"><col style=\"width:7%\"><col style=\"width:20%\">"
        html += "<col style=\"width:36%\"><col style=\"width:17%\"><col style=\"width:17%\"></colgroup>\n"
        html += "<tr><th>#</th><th>Severity</th><th>Object</th><th>Findings</th><th>Why</th><th>Fix</th></tr>\n"
        for (index, item) in report.bookOfWork.enumerated() {
            html += "<tr><td>\(index + 1)</td><td class=\"sev \(item.severity.rawValue)\">\(item.severity.rawValue)</td>"
            html += "<td>\(HTMLPage.escape(item.object.description))<br><span class=\"where\">\(HTMLPage.escape(HTMLPage.place(item.location)))"
            html += item.path.isEmpty ? "" : " at <code>\(HTMLPage.escape(item.path))</code>"
            html += "</span></td><td><ul>"
            for consequence in item.consequences {
                html += "<li><span class=\"sev \(consequence.severity.rawValue)\">\(consequence.severity.rawValue)</span> "
                html += "<code>\(HTMLPage.escape(consequence.ruleId))</code> \(HTMLPage.prose(consequence.message))</li>"
            }
            let why = item.consequences.first.flatMap { rationale[$0.ruleId] } ?? ""
            html += "</ul></td><td>\(HTMLPage.prose(why))</td><td>\(HTMLPage.prose(item.fix))</td></tr>\n"
        }
        return html + "</table>\n"
    }
}
