import RampartRules

/// The terminal report: a summary first, then what to fix first (root causes, each with how many
/// findings it causes), then findings grouped by severity and rule with the file:line of each and
/// the rule's fix. Colour only when asked (on a terminal). Quiet when there is nothing to say.
public enum TextReporter {
    public static func render(_ report: AuditReport, colour: Bool) -> String {
        let paint = Paint(enabled: colour)
        var lines: [String] = [summaryLine(report, paint: paint)]
        if let source = report.source { lines.append(source.summary) }
        for error in report.errors {
            lines.append(paint.red("error") + " \(error.description)")
        }
        for notice in report.notices {
            let place = notice.file.map { "\($0):\(notice.line ?? 0): " } ?? ""
            lines.append(paint.yellow("notice") + " \(place)\(notice.message)")
        }
        if !report.platformNamespaceProposals.isEmpty {
            lines.append(paint.yellow("notice") + " well-known platform namespaces judged as tenants: "
                + report.platformNamespaceProposals.joined(separator: ", ")
                + "; if the platform team runs them, list them under platformNamespaces in .rampart.yaml")
        }
        lines += fixFirst(report, paint: paint)
        var currentRule = ""
        for finding in report.findings {
            if finding.ruleId != currentRule {
                currentRule = finding.ruleId
                let count = report.summary.byRule[finding.ruleId] ?? 0
                lines.append("")
                lines.append(paint.severity(finding.severity) + " " + paint.bold(finding.ruleId) + " — \(finding.title) (\(count))")
                lines.append("  fix: \(finding.fix)")
                if !finding.standards.isEmpty { lines.append("  standards: \(finding.standards.joined(separator: ", "))") }
            }
            lines.append("  \(place(of: finding))  \(finding.object)  \(finding.message)")
            if !finding.path.isEmpty { lines.append("      at \(finding.path)") }
            for note in finding.notes { lines.append("      note: \(note)") }
        }
        let claims = report.suppressed.filter { $0.source == .annotation }
        if !claims.isEmpty {
            lines.append("")
            lines.append(paint.bold("Exceptions claimed by object owners (rampart.dev/ignore), not granted by the platform:"))
            for claim in claims {
                lines.append("  \(place(of: claim.finding))  \(claim.finding.object)  \(claim.finding.ruleId): \(claim.reason)")
            }
        }
        if !report.findings.isEmpty {
            lines.append("")
            lines.append("`rampart explain RULE-ID` tells why a rule matters.")
        }
        return lines.joined(separator: "\n")
    }

    /// `Fix these first:` the first root causes of the book of work, each with what it causes.
    static func fixFirst(_ report: AuditReport, paint: Paint) -> [String] {
        let first = BookOfWork.first(report.bookOfWork)
        guard !first.isEmpty else { return [] }
        var lines = ["", paint.bold("Fix these first") + " (\(report.bookOfWork.count) root causes for \(report.findings.count) findings):"]
        for (index, item) in first.enumerated() {
            let place = item.location.file.map { "\($0):\(item.location.line)" } ?? "(live)"
            let causes = item.consequences.count == 1 ? item.consequences[0].ruleId
                : "\(item.consequences.count) findings: " + item.consequences.map(\.ruleId).joined(separator: ", ")
            lines.append("  \(index + 1). " + paint.severity(item.severity) + " \(item.object) at \(item.path.isEmpty ? "the object" : item.path)  \(place)")
            lines.append("     \(causes)")
            lines.append("     fix: \(item.fix)")
        }
        return lines
    }

    static func summaryLine(_ report: AuditReport, paint: Paint) -> String {
        let summary = report.summary
        var parts = ["\(summary.findings) finding\(summary.findings == 1 ? "" : "s") in \(report.objects) objects"]
        let counts = Severity.allCases.compactMap { severity -> String? in
            let count = summary.bySeverity[severity.rawValue] ?? 0
            return count > 0 ? "\(count) \(severity.rawValue)" : nil
        }
        if !counts.isEmpty { parts[0] += " (\(counts.joined(separator: ", ")))" }
        if summary.suppressed > 0 { parts.append("\(summary.suppressed) suppressed") }
        if summary.errors > 0 { parts.append("\(summary.errors) input error\(summary.errors == 1 ? "" : "s")") }
        let verdict = summary.failed ? paint.red("FAIL") : paint.green("ok")
        return "rampart: \(verdict): " + parts.joined(separator: "; ")
    }

    static func place(of finding: Finding) -> String {
        guard let file = finding.location.file else { return "(live)" }
        return "\(file):\(finding.location.line)"
    }
}

/// ANSI colours, or nothing when colour is off.
struct Paint {
    let enabled: Bool

    func wrap(_ text: String, _ code: String) -> String { enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    func red(_ text: String) -> String { wrap(text, "31") }
    func yellow(_ text: String) -> String { wrap(text, "33") }
    func green(_ text: String) -> String { wrap(text, "32") }
    func bold(_ text: String) -> String { wrap(text, "1") }

    func severity(_ severity: Severity) -> String {
        let label = severity.rawValue.uppercased()
        switch severity {
        case .critical: return wrap(label, "1;31")
        case .high: return red(label)
        case .medium: return yellow(label)
        case .low, .info: return wrap(label, "36")
        }
    }
}
