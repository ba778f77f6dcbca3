import Dispatch
import Foundation
import Synchronization

/// One top-level array of a pretty-printed JSON object, encoded item by item (in chunks, on every
/// core) and spliced into the object encoded without it: the same bytes as encoding the whole
/// object, without the encoder holding every item's encoded tree at once.
///
/// The layout (indentation, separators, how an empty array is written) is learnt from the encoder
/// itself on small probes, so the splice follows its format.
struct SplicedArray {
    /// Items per unit of parallel encoding.
    static let chunkSize = 512

    /// The array when empty, as the encoder writes it among the object's members.
    let emptyArray: [UInt8]
    /// The array with its items, as the encoder would write it there, in pieces; nil when it has none.
    let filled: [[UInt8]]?

    /// `items` under `key`, each as `direct` writes it (the encoder's bytes for it), else as the encoder writes it.
    init<Item: Encodable & Sendable>(key: String, _ items: [Item], direct: (@Sendable (inout JSONText, Item) -> Void)? = nil) throws {
        let encoder = JSONReporter.encoder()
        emptyArray = Self.members(of: try encoder.encode([key: [Int]()]))
        guard !items.isEmpty else {
            filled = nil
            return
        }
        let probe = Self.members(of: try encoder.encode([key: [0, 1]]))
        guard let zero = probe.firstIndex(of: UInt8(ascii: "0")), let one = probe.lastIndex(of: UInt8(ascii: "1")) else {
            throw EncodingError.invalidValue(key, .init(codingPath: [], debugDescription: "unexpected JSON layout"))
        }
        let separator = Array(probe[(zero + 1)..<one])
        let lineStart = separator.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? separator.count
        let chunks = try Self.encoded(items, separator: separator, indentation: Array(separator[lineStart...]), direct: direct)
        // The chunks are kept apart (joined only on the way out): a large report is never copied whole.
        var pieces = [Array(probe[..<zero])]
        for (index, chunk) in chunks.enumerated() {
            if index > 0 { pieces.append(separator) }
            pieces.append(chunk)
        }
        pieces.append(Array(probe[(one + 1)...]))
        filled = pieces
    }

    /// `shell` (the object encoded with these arrays empty) with each array's items put in.
    static func splice(_ arrays: [SplicedArray], into shell: [UInt8]) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try splice(arrays, into: shell) { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// `shell` with each array's items put in, handed to `write` piece by piece, in order.
    static func splice(_ arrays: [SplicedArray], into shell: [UInt8], to write: (ArraySlice<UInt8>) throws -> Void) throws {
        var replacements: [(range: Range<Int>, pieces: [[UInt8]])] = []
        for array in arrays {
            guard let filled = array.filled else { continue }
            guard let range = shell.firstRange(of: array.emptyArray) else {
                throw EncodingError.invalidValue(array.emptyArray, .init(codingPath: [], debugDescription: "array to fill not found"))
            }
            replacements.append((range, filled))
        }
        var position = 0
        for replacement in replacements.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            try write(shell[position..<replacement.range.lowerBound])
            for piece in replacement.pieces { try write(piece[...]) }
            position = replacement.range.upperBound
        }
        try write(shell[position...])
    }

    /// The items encoded one by one as the array's items (each line break followed by
    /// `indentation`, items joined by `separator`), in chunks encoded in parallel, in order.
    private static func encoded<Item: Encodable & Sendable>(_ items: [Item], separator: [UInt8], indentation: [UInt8],
                                                            direct: (@Sendable (inout JSONText, Item) -> Void)?) throws -> [[UInt8]] {
        let starts = Array(stride(from: 0, to: items.count, by: chunkSize))
        let chunks = Mutex<[Result<[UInt8], any Error>]>(Array(repeating: .success([]), count: starts.count))
        // The direct writer indents as it goes, two spaces a level, as the encoder does.
        guard indentation.allSatisfy({ $0 == UInt8(ascii: " ") }), indentation.count.isMultiple(of: 2) else {
            throw EncodingError.invalidValue(indentation, .init(codingPath: [], debugDescription: "unexpected JSON indentation"))
        }
        let depth = indentation.count / 2
        DispatchQueue.concurrentPerform(iterations: starts.count) { unit in
            let chunk = items[starts[unit]..<min(starts[unit] + chunkSize, items.count)]
            let result = Result {
                if let direct {
                    var json = JSONText(depth: depth)
                    for (position, item) in chunk.enumerated() {
                        if position > 0 { json.raw(separator) }
                        direct(&json, item)
                    }
                    return json.bytes
                }
                let encoder = JSONReporter.encoder()
                var bytes: [UInt8] = []
                for item in chunk {
                    if !bytes.isEmpty { bytes.append(contentsOf: separator) }
                    appendIndented(Array(try encoder.encode(item)), indentation: indentation, to: &bytes)
                }
                return bytes
            }
            chunks.withLock { $0[unit] = result }
        }
        return try chunks.withLock { $0 }.map { try $0.get() }
    }

    /// `json` with every line but the first indented by `indentation`, as the encoder indents a
    /// nested value (an empty line, between the brackets of an empty container, stays empty).
    private static func appendIndented(_ json: [UInt8], indentation: [UInt8], to bytes: inout [UInt8]) {
        let newline = UInt8(ascii: "\n")
        var lineStart = 0
        for index in json.indices where json[index] == newline {
            bytes.append(contentsOf: json[lineStart...index])
            if index + 1 < json.count, json[index + 1] != newline { bytes.append(contentsOf: indentation) }
            lineStart = index + 1
        }
        bytes.append(contentsOf: json[lineStart...])
    }

    /// What the encoder wrote between a top-level object's braces, without the line break before the `}`.
    private static func members(of data: Data) -> [UInt8] {
        var bytes = Array(data.dropFirst().dropLast())
        while let last = bytes.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: " ") { bytes.removeLast() }
        return bytes
    }
}
