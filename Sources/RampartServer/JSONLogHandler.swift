import Foundation
import Logging
import RampartAdmission

/// A swift-log handler that writes one JSON object per line into a `LogBuffer` (standard error):
/// `ts` (Unix seconds), `level`, `logger`, `message`, then the metadata as strings.
/// Callers log rule IDs, fields and request identities, never an object's content.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    private let label: String
    private let buffer: LogBuffer

    public init(label: String, buffer: LogBuffer) {
        self.label = label
        self.buffer = buffer
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let fields = metadata.isEmpty ? event.metadata ?? [:] : metadata.merging(event.metadata ?? [:]) { $1 }
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        var json = JSONWriter()
        json.object { json in
            json.field("ts", Double(spec.tv_sec) + Double(spec.tv_nsec / 1_000_000) / 1000)
            json.field("level", event.level.rawValue)
            json.field("logger", label)
            json.field("message", event.message.description)
            // Metadata in the dictionary's order: sorting ten keys took half of this function's time.
            for (key, value) in fields { json.field(key, Self.text(of: value)) }
        }
        var line = json.bytes
        line.append(0x0A)
        buffer.append(line)
    }

    /// A metadata value as a string: strings as they are, the rest as swift-log describes them.
    private static func text(of value: Logger.MetadataValue) -> String {
        if case .string(let string) = value { return string }
        return value.description
    }
}
