import Foundation

/// The JSON report: the contract of DESIGN.md, sorted keys, deterministic.
public enum JSONReporter {
    public static func render(_ report: AuditReport) throws -> String {
        try encode(report)
    }

    /// Deterministic JSON of any value: sorted keys, slashes not escaped, indented.
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
