import Foundation
import Logging
import RampartAdmission

/// A swift-log handler that writes one JSON object per line to standard error, in one `write(2)`:
/// `ts` (Unix seconds), `level`, `logger`, `message` and the metadata as strings, keys sorted.
/// Callers log rule IDs, fields and request identities, never an object's content.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    private let label: String

    public init(label: String) {
        self.label = label
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var fields = metadata
        if let extra = event.metadata { fields.merge(extra) { $1 } }
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        var json = JSONWriter()
        json.object { json in
            json.field("ts", Double(spec.tv_sec) + Double(spec.tv_nsec / 1_000_000) / 1000)
            json.field("level", event.level.rawValue)
            json.field("logger", label)
            json.field("message", event.message.description)
            for key in fields.keys.sorted() { json.field(key, fields[key].map { "\($0)" } ?? "") }
        }
        var line = json.bytes
        line.append(0x0A)
        line.withUnsafeBytes { _ = write(2, $0.baseAddress, $0.count) }
    }
}
