import Foundation

/// The JSON report: the contract of DESIGN.md, sorted keys, deterministic.
public enum JSONReporter {
    /// The audit report as `encode` writes it, byte for byte, without building it whole: the
    /// findings and the book of work (nearly all of a large report) are encoded item by item on
    /// every core and spliced into the rest, so the encoder never holds all of them at once.
    public static func render(_ report: AuditReport) throws -> String {
        var rest = report
        rest.findings = []
        rest.bookOfWork = []
        let shell = Array(try encoder().encode(rest))
        let findings = try SplicedArray(key: "findings", report.findings)
        let bookOfWork = try SplicedArray(key: "bookOfWork", report.bookOfWork)
        return String(decoding: try SplicedArray.splice([findings, bookOfWork], into: shell), as: UTF8.self)
    }

    /// Deterministic JSON of any value: sorted keys, slashes not escaped, indented.
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder().encode(value), as: UTF8.self)
    }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return encoder
    }
}
