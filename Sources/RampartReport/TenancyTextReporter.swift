import RampartRules
import RampartTenancy

/// The tenancy verdict for a terminal: one row per tenant with each layer's status, the failing
/// and doubtful evidence per tenant, then the book of work.
public enum TenancyTextReporter {
    public static func render(_ document: TenancyDocument, colour: Bool) -> String {
        let paint = Paint(enabled: colour)
        var lines: [String] = []
        lines.append(paint.bold("Tenants (\(document.source == "inferred" ? "inferred from the inputs" : "from " + document.source))"))
        let header = ["TENANT", "TRUST", "REQUIRED", "ACHIEVED"] + TenancyLayer.allCases.map { $0.title.uppercased() }
        var rows = [header]
        for verdict in document.tenants {
            rows.append([verdict.tenant, verdict.untrustedCode ? "\(verdict.trust.rawValue)+code" : verdict.trust.rawValue,
                         verdict.required.rawValue, verdict.achieved.rawValue] + verdict.layers.map(\.status.rawValue))
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        for (index, row) in rows.enumerated() {
            let cells = row.enumerated().map { column, text in
                let padded = text + String(repeating: " ", count: widths[column] - text.count)
                guard index > 0 else { return padded }
                return colourCell(padded, text, column: column, met: document.tenants[index - 1].met, paint)
            }
            lines.append(cells.joined(separator: "  ").trimmingTrailingSpaces)
        }
        for verdict in document.tenants {
            lines.append("")
            let outcome = verdict.met ? paint.green("meets \(verdict.required.rawValue)")
                : paint.red("requires \(verdict.required.rawValue), achieves \(verdict.achieved.rawValue)")
            lines.append(paint.bold(verdict.tenant) + " (\(verdict.namespaces.joined(separator: ", "))): " + outcome)
            lines.append("  found through: \(verdict.origin)")
            for layer in verdict.layers {
                for evidence in layer.evidence where evidence.status > .pass {
                    let mark = evidence.status == .fail ? paint.red("FAIL") : paint.yellow("WARN")
                    var text = "  \(mark) \(layer.layer.title): \(evidence.message)"
                    if let tenant = evidence.chargedTo { text += " [fix on tenant \(tenant)]" }
                    if let location = evidence.location, let file = location.file { text += " (\(file):\(location.line))" }
                    lines.append(text)
                }
            }
            lines += coverageLines(verdict.admissionCoverage)
        }
        lines.append("")
        let enforcement = document.networkEnforcement
        lines.append("Network enforcement: " + (enforcement.determined ? enforcement.statement : paint.yellow(enforcement.statement)))
        if !document.absentTenants.isEmpty {
            lines.append("")
            lines.append("Tenants with no namespace among the inputs: \(document.absentTenants.joined(separator: ", "))")
        }
        lines.append("")
        lines.append(paint.bold("Book of work (\(document.bookOfWork.count))"))
        for (index, finding) in document.bookOfWork.enumerated() {
            lines.append("\(index + 1). \(paint.severity(finding.severity)) \(finding.ruleId) \(TextReporter.place(of: finding))")
            lines.append("   \(finding.message)")
        }
        lines.append("")
        let summary = document.summary
        lines.append("\(summary.tenants) tenants: \(summary.met) meet their required isolation"
                     + (summary.notMet.isEmpty ? "" : ", \(summary.notMet.count) do not (\(summary.notMet.joined(separator: ", ")))"))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The admission coverage map of a tenant, one line per status that is not `enforced`, naming
    /// the controls: `admission: not enforced in team-a: image-registries (reported: …)`.
    static func coverageLines(_ cells: [CoverageCell]) -> [String] {
        let enforced = cells.filter { $0.status == .enforced }.count
        var lines = ["  admission coverage: \(enforced) of \(cells.count) probed controls enforced"]
        for namespace in Array(Set(cells.map(\.namespace))).sorted() {
            for status in [CoverageCell.Status.none, .reported, .unknown] {
                let controls = cells.filter { $0.namespace == namespace && $0.status == status }
                guard !controls.isEmpty else { continue }
                let names = controls.map(\.control.rawValue).joined(separator: ", ")
                let by = Set(controls.flatMap(\.by)).sorted().joined(separator: "; ")
                lines.append("    \(namespace): \(status == .none ? "nothing enforces" : status.rawValue) \(names)" + (by.isEmpty ? "" : " (\(by))"))
            }
        }
        return lines
    }

    private static func colourCell(_ padded: String, _ text: String, column: Int, met: Bool, _ paint: Paint) -> String {
        switch text {
        case "fail": return paint.red(padded)
        case "warn": return paint.yellow(padded)
        case "pass": return paint.green(padded)
        default: return column == 3 ? (met ? paint.green(padded) : paint.red(padded)) : padded
        }
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        String(reversed().drop(while: { $0 == " " }).reversed())
    }
}
