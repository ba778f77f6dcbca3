import CYaml
import Foundation

/// The libyaml floor: how long it takes only to pull every event out of libyaml, building nothing.
enum Floor {
    /// Counts the events of `bytes`, or returns nil when libyaml rejects them.
    static func countEvents(_ bytes: Data) -> Int? {
        // On the heap: libyaml keeps a pointer to the parser inside it, so it must never move.
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        parser.initialize(to: yaml_parser_t())
        defer {
            yaml_parser_delete(parser)
            parser.deallocate()
        }
        guard yaml_parser_initialize(parser) == 1 else { return nil }
        return bytes.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Int? in
            guard let base = buffer.bindMemory(to: UInt8.self).baseAddress else { return 0 }
            yaml_parser_set_input_string(parser, base, buffer.count)
            var events = 0
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                events += 1
                if event.type == YAML_STREAM_END_EVENT { return events }
            }
        }
    }
}
