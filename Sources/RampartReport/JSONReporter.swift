import Foundation
import RampartLoading

/// The JSON report: the contract of DESIGN.md, sorted keys, deterministic.
public enum JSONReporter {
    /// The audit report as `encode` writes it, byte for byte, without building it whole: the
    /// findings and the book of work (nearly all of a large report) are encoded item by item on
    /// every core and spliced into the rest, so the encoder never holds all of them at once.
    public static func render(_ report: AuditReport) throws -> String {
        var bytes: [UInt8] = []
        try write(report) { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The bytes of `render(report)` handed to `write` piece by piece, never joined: a report of
    /// tens of megabytes is not copied whole on its way to a file.
    public static func write(_ report: AuditReport, to write: (ArraySlice<UInt8>) throws -> Void) throws {
        var rest = report
        rest.findings = []
        rest.bookOfWork = []
        let shell = Array(try encoder().encode(rest))
        let findings = try SplicedArray(key: "findings", report.findings, direct: { $0.finding($1) })
        let bookOfWork = try SplicedArray(key: "bookOfWork", report.bookOfWork, direct: { $0.workItem($1) })
        try SplicedArray.splice([findings, bookOfWork], into: shell, to: write)
    }

    /// The tenancy document with the run's input errors, as `encode(AnswerWithErrors(…))` writes it,
    /// byte for byte: its verdicts, matrix and book of work (thousands of tenants make each large)
    /// encoded item by item on every core and spliced into the rest.
    public static func render(_ document: TenancyDocument, errors: [InputError]) throws -> String {
        var bytes: [UInt8] = []
        try write(document, errors: errors) { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The bytes of `render(document, errors:)` handed to `write` piece by piece, never joined.
    public static func write(_ document: TenancyDocument, errors: [InputError], to write: (ArraySlice<UInt8>) throws -> Void) throws {
        var rest = document
        rest.tenants = []
        rest.matrix = []
        rest.bookOfWork = []
        let shell = Array(try encoder().encode(AnswerWithErrors(answer: rest, errors: errors)))
        let arrays = [try SplicedArray(key: "tenants", document.tenants, direct: { $0.tenantVerdict($1) }),
                      try SplicedArray(key: "matrix", document.matrix, direct: { $0.interaction($1) }),
                      try SplicedArray(key: "bookOfWork", document.bookOfWork, direct: { $0.finding($1) })]
        try SplicedArray.splice(arrays, into: shell, to: write)
    }

    /// The bytes of `encode(value)` handed to `write` in one piece.
    public static func write(_ value: some Encodable, to write: (ArraySlice<UInt8>) throws -> Void) throws {
        try write(ArraySlice(try encoder().encode(value)))
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
