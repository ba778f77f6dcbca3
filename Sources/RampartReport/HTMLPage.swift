import RampartModel

/// What every Rampart HTML page shares: one self-contained document (no scripts, no external
/// resources) with the same style, print rules, escaping, and the identity of what was scanned.
public enum HTMLPage {
    /// Where a report's objects came from and when it was made, so an auditor can file it.
    public struct Identity: Sendable {
        /// The live cluster (server, context, read time) or the input paths.
        public var scanned: String
        /// When the report was made, ISO 8601 UTC.
        public var generated: String

        public init(scanned: String, generated: String) {
            self.scanned = scanned
            self.generated = generated
        }
    }

    /// A whole page: `title`, the identity line, then `body`.
    static func document(title: String, identity: Identity, version: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>\(escape(title))</title>
        <style>\(style)</style></head><body>
        <h1>\(escape(title))</h1>
        <p class="meta">Scanned: \(escape(identity.scanned)) · generated \(escape(identity.generated)) · rampart \(escape(version))</p>
        \(body)</body></html>

        """
    }

    static let style = """
        body{font:14px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:24px 32px;color:#1d232a;background:#fafbfc}
        h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}
        .meta{color:#5b6570;margin:2px 0 12px}
        table{border-collapse:collapse;background:#fff;box-shadow:0 0 0 1px #d8dde3}
        th,td{padding:6px 10px;border:1px solid #e3e7ec;text-align:left;vertical-align:top}
        th{background:#f1f3f6;font-weight:600}
        td.pass{background:#d8f3dc;color:#1b5e20}td.warn{background:#fff1c2;color:#7a5200}td.fail{background:#ffd6d6;color:#8e1b1b}
        td.self{background:#eceff3;color:#8a949e;text-align:center}td.none{background:#d8f3dc;color:#1b5e20;text-align:center}
        td.reach{background:#ffd6d6;color:#8e1b1b}td.near{background:#fff1c2;color:#7a5200}
        td.status{font-weight:600;text-transform:uppercase;font-size:12px;text-align:center}
        .met{color:#1b5e20;font-weight:600}.notmet{color:#8e1b1b;font-weight:600}
        details{margin:4px 0 4px 0;background:#fff;border:1px solid #e3e7ec;border-radius:4px;padding:4px 10px}
        summary{cursor:pointer;font-weight:600}
        ul{margin:6px 0 6px 18px;padding:0}li{margin:2px 0}
        .tag{display:inline-block;font-size:11px;font-weight:700;border-radius:3px;padding:0 5px;margin-right:6px}
        .tag.pass{background:#d8f3dc;color:#1b5e20}.tag.warn{background:#fff1c2;color:#7a5200}.tag.fail{background:#ffd6d6;color:#8e1b1b}
        .tag.note{background:#e3e7ec;color:#3d4650}
        .sev{font-weight:700;font-size:12px}.sev.critical,.sev.high{color:#b71c1c}.sev.medium{color:#8a5a00}.sev.low,.sev.info{color:#006b7a}
        code{font-size:12px;background:#f1f3f6;padding:0 3px;border-radius:3px}.where{color:#5b6570;font-size:12px}
        .counts{display:flex;gap:10px;margin:8px 0 4px}.count{background:#fff;border:1px solid #e3e7ec;border-radius:4px;padding:6px 12px}
        .count b{display:block;font-size:20px}table.book{width:100%;table-layout:fixed;word-wrap:break-word}.first{margin:6px 0 6px 20px}.first li{margin:6px 0}
        @media print{body{margin:0;background:#fff;font-size:11px}table{box-shadow:none}tr,li,details{break-inside:avoid}
        h2{break-after:avoid}details>summary{list-style:none}.noprint{display:none}}
        """

    /// Text made safe for HTML element content and attribute values.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// Prose of the catalog (remediations, rationales) as HTML: escaped, its `code` spans as
    /// `<code>`, so no Markdown backtick reaches a cell.
    static func prose(_ text: String) -> String {
        let parts = text.split(separator: "`", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return escape(text) }
        var html = ""
        for (index, part) in parts.enumerated() {
            let isCode = index % 2 == 1 && index < parts.count - 1
            html += isCode ? "<code>\(escape(String(part)))</code>" : escape(String(part))
        }
        return html
    }

    /// `file:line`, or `live` for an object read from a cluster.
    static func place(_ location: SourceLocation) -> String {
        location.file.map { "\($0):\(location.line)" } ?? "live"
    }
}
