import RampartClusterAdmission
import RampartModel
import RampartRules
import RampartTenancy

/// The tenancy verdict as one self-contained HTML page (no scripts, no external resources): the
/// tenants' isolation by layer as a colour grid, the tenant-by-tenant matrix (which tenant can
/// reach or act on which), each layer's evidence one click away (`<details>`), and the book of work.
public enum HTMLTenancyReporter {
    public static func render(_ document: TenancyDocument, identity: HTMLPage.Identity) -> String {
        var html = "<p class=\"meta\">\(escape(summaryLine(document)))</p>\n"
        html += "<p class=\"meta\">Network enforcement: \(escape(document.networkEnforcement.statement))</p>\n"
        html += verdictGrid(document)
        html += matrix(document)
        html += evidence(document)
        html += bookOfWork(document)
        html += "<p class=\"meta\">tenants \(escape(document.source == "inferred" ? "inferred from the inputs" : "from " + document.source))</p>\n"
        return HTMLPage.document(title: "Tenant isolation", identity: identity, version: document.tool.version, body: html)
    }

    private static func escape(_ text: String) -> String { HTMLPage.escape(text) }

    private static func summaryLine(_ document: TenancyDocument) -> String {
        let summary = document.summary
        var text = "\(summary.tenants) tenants, \(summary.met) meet their required isolation"
        if !summary.notMet.isEmpty { text += "; not met: \(summary.notMet.joined(separator: ", "))" }
        return text + "; \(summary.findings) items in the book of work."
    }

    static func verdictGrid(_ document: TenancyDocument) -> String {
        var html = "<h2>Isolation by layer</h2>\n<table><tr><th>Tenant</th><th>Trust</th><th>Required</th><th>Achieved</th>"
        html += TenancyLayer.allCases.map { "<th>\(escape($0.title))</th>" }.joined() + "</tr>\n"
        for verdict in document.tenants {
            let trust = verdict.trust.rawValue + (verdict.untrustedCode ? ", untrusted code" : "")
                + (verdict.compliance.isEmpty ? "" : ", " + verdict.compliance.joined(separator: ", "))
            html += "<tr><th>\(escape(verdict.tenant))</th><td>\(escape(trust))</td><td>\(verdict.required.rawValue)</td>"
            html += "<td class=\"\(verdict.met ? "met" : "notmet")\">\(verdict.achieved.rawValue)</td>"
            html += verdict.layers.map { "<td class=\"status \($0.status.rawValue)\" title=\"ceiling: \($0.ceiling.rawValue)\">\($0.status.rawValue)</td>" }.joined()
            html += "</tr>\n"
        }
        return html + "</table>\n"
    }

    private static func matrix(_ document: TenancyDocument) -> String {
        let names = document.tenants.map(\.tenant)
        var html = "<h2>Who can reach whom</h2>\n<p class=\"meta\">Row tenant → column tenant: red when it can connect to it or act on it through the API, amber when their pods may share a node.</p>\n"
        html += "<table><tr><th>from \\ to</th>" + names.map { "<th>\(escape($0))</th>" }.joined() + "</tr>\n"
        for from in names {
            html += "<tr><th>\(escape(from))</th>"
            for to in names {
                if from == to {
                    html += "<td class=\"self\">—</td>"
                } else if let cell = document.interaction(from: from, to: to) {
                    let reach = cell.layers.contains(.network) || cell.layers.contains(.controlPlane)
                    html += "<td class=\"\(reach ? "reach" : "near")\" title=\"\(escape(cell.details.joined(separator: "\n")))\">"
                        + escape(cell.layers.map(\.title).joined(separator: ", ")) + "</td>"
                } else {
                    html += "<td class=\"none\">isolated</td>"
                }
            }
            html += "</tr>\n"
        }
        return html + "</table>\n"
    }

    private static func evidence(_ document: TenancyDocument) -> String {
        var html = "<h2>Evidence</h2>\n"
        for verdict in document.tenants {
            let outcome = verdict.met ? "meets \(verdict.required.rawValue)" : "requires \(verdict.required.rawValue), achieves \(verdict.achieved.rawValue)"
            html += "<h3>\(escape(verdict.tenant)) <span class=\"\(verdict.met ? "met" : "notmet")\">\(escape(outcome))</span></h3>\n"
            html += "<p class=\"meta\">Namespaces: \(escape(verdict.namespaces.joined(separator: ", "))). Found through: \(escape(verdict.origin)).</p>\n"
            for layer in verdict.layers {
                html += "<details\(layer.status == .fail ? " open" : "")><summary><span class=\"tag \(layer.status.rawValue)\">\(layer.status.rawValue.uppercased())</span>"
                html += "\(escape(layer.layer.title)) <span class=\"where\">(allows up to \(layer.ceiling.rawValue))</span></summary><ul>\n"
                for item in layer.evidence {
                    html += "<li><span class=\"tag \(item.status.rawValue)\">\(item.status.rawValue)</span>\(HTMLPage.prose(item.message))"
                    if let tenant = item.chargedTo { html += " <em>(fix on tenant \(escape(tenant)))</em>" }
                    if let location = item.location, let file = location.file {
                        html += " <span class=\"where\">\(escape(file)):\(location.line)</span>"
                    }
                    if !item.rules.isEmpty { html += " " + item.rules.map { "<code>\(escape($0))</code>" }.joined(separator: " ") }
                    html += "</li>\n"
                }
                html += "</ul></details>\n"
            }
            html += coverage(verdict.admissionCoverage)
        }
        return html
    }

    /// The admission coverage map of one tenant: a row per namespace, a column per control.
    private static func coverage(_ cells: [CoverageCell]) -> String {
        let controls = CoverageControl.allCases
        var html = "<details><summary>Admission coverage</summary><table>\n<tr><th>namespace</th>"
        html += controls.map { "<th>\(escape($0.rawValue))</th>" }.joined() + "</tr>\n"
        for namespace in Array(Set(cells.map(\.namespace))).sorted() {
            html += "<tr><td>\(escape(namespace))</td>"
            for control in controls {
                guard let cell = cells.first(where: { $0.namespace == namespace && $0.control == control }) else {
                    html += "<td></td>"
                    continue
                }
                let tag = cell.status == .enforced ? "pass" : (cell.status == .none ? "fail" : "warn")
                html += "<td title=\"\(escape(cell.by.joined(separator: "; ")))\"><span class=\"tag \(tag)\">\(cell.status.rawValue)</span></td>"
            }
            html += "</tr>\n"
        }
        return html + "</table></details>\n"
    }

    private static func bookOfWork(_ document: TenancyDocument) -> String {
        var html = "<h2>Book of work</h2>\n"
        guard !document.bookOfWork.isEmpty else { return html + "<p>Nothing to do: every tenant meets its isolation.</p>\n" }
        html += "<table><tr><th>#</th><th>Severity</th><th>Rule</th><th>Object</th><th>What</th><th>Fix</th></tr>\n"
        for (index, finding) in document.bookOfWork.enumerated() {
            let place = HTMLPage.place(finding.location)
            html += "<tr><td>\(index + 1)</td><td class=\"sev \(finding.severity.rawValue)\">\(finding.severity.rawValue)</td>"
            html += "<td><code>\(escape(finding.ruleId))</code></td><td>\(escape(finding.object.description))<br><span class=\"where\">\(escape(place))</span></td>"
            html += "<td>\(HTMLPage.prose(finding.message))</td><td>\(HTMLPage.prose(finding.fix))</td></tr>\n"
        }
        return html + "</table>\n"
    }
}
