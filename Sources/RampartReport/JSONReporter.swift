import Foundation

/// The JSON report: the contract of DESIGN.md, sorted keys, deterministic.
public enum JSONReporter {
    /// The audit report. Findings are most of it (hundreds of thousands on large clusters): each is
    /// encoded on its own and spliced into the rest, so the encoder never holds the whole tree; the
    /// bytes are those of `encode(report)`.
    public static func render(_ report: AuditReport) throws -> String {
        var rest = report
        rest.findings = []
        let shell = try encoder().encode(rest)
        let empty = Array("\n  \"findings\" : [\n\n  ],".utf8)
        guard !report.findings.isEmpty, let start = shell.firstRange(of: empty)?.lowerBound else {
            return try encode(report)
        }
        var bytes: [UInt8] = []
        bytes.append(contentsOf: shell[..<start])
        bytes.append(contentsOf: "\n  \"findings\" : [\n".utf8)
        let encoder = encoder()
        for (index, finding) in report.findings.enumerated() {
            if index > 0 { bytes.append(contentsOf: ",\n".utf8) }
            appendIndented(try encoder.encode(finding), to: &bytes)
        }
        bytes.append(contentsOf: "\n  ],".utf8)
        bytes.append(contentsOf: shell[(start + empty.count)...])
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Deterministic JSON of any value: sorted keys, slashes not escaped, indented.
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder().encode(value), as: UTF8.self)
    }

    private static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return encoder
    }

    /// Appends `json` (a value encoded at the top level) as an element of the findings array: every
    /// line that is not empty indented by four spaces, as the encoder indents that depth (raw newlines
    /// only ever separate lines: inside strings they are escaped).
    private static func appendIndented(_ json: Data, to bytes: inout [UInt8]) {
        let newline = UInt8(ascii: "\n")
        let indent = Array(repeating: UInt8(ascii: " "), count: 4)
        var atLineStart = true
        for byte in json {
            if atLineStart, byte != newline { bytes.append(contentsOf: indent) }
            bytes.append(byte)
            atLineStart = byte == newline
        }
    }
}
