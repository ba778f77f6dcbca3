import Dispatch
import Foundation
import Synchronization

/// One top-level array of a pretty-printed JSON object, encoded item by item (in chunks, on every
/// core) and spliced into the object encoded without it: the same bytes as encoding the whole
/// object, without the encoder holding every item's encoded tree at once, and without the report
/// ever held whole — the chunks are encoded a batch at a time as they are written.
///
/// The layout (indentation, separators, how an empty array is written) is learnt from the encoder
/// itself on small probes, so the splice follows its format.
struct SplicedArray {
    /// Items per unit of parallel encoding.
    static let chunkSize = 512
    /// Chunks encoded at once, then written and let go: enough to keep every core busy, few enough
    /// that a report of hundreds of megabytes (200,000 objects) is never in memory whole.
    static let batchSize = 16

    /// The array when empty, as the encoder writes it among the object's members.
    let emptyArray: [UInt8]
    /// What comes before the first item, between two chunks, and after the last item.
    private let opening: [UInt8], separator: [UInt8], closing: [UInt8]
    private let chunks: Int
    /// The bytes of chunk `n` of the items, as the encoder would write them there.
    private let encodeChunk: @Sendable (Int) throws -> [UInt8]

    /// `items` under `key`, each as `direct` writes it (the encoder's bytes for it), else as the encoder writes it.
    init<Item: Encodable & Sendable>(key: String, _ items: [Item], direct: (@Sendable (inout JSONText, Item) -> Void)? = nil) throws {
        let encoder = JSONReporter.encoder()
        emptyArray = Self.members(of: try encoder.encode([key: [Int]()]))
        let probe = Self.members(of: try encoder.encode([key: [0, 1]]))
        guard let zero = probe.firstIndex(of: UInt8(ascii: "0")), let one = probe.lastIndex(of: UInt8(ascii: "1")) else {
            throw EncodingError.invalidValue(key, .init(codingPath: [], debugDescription: "unexpected JSON layout"))
        }
        let separator = Array(probe[(zero + 1)..<one])
        let lineStart = separator.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? separator.count
        let indentation = Array(separator[lineStart...])
        // The direct writer indents as it goes, two spaces a level, as the encoder does.
        guard indentation.allSatisfy({ $0 == UInt8(ascii: " ") }), indentation.count.isMultiple(of: 2) else {
            throw EncodingError.invalidValue(indentation, .init(codingPath: [], debugDescription: "unexpected JSON indentation"))
        }
        opening = Array(probe[..<zero])
        self.separator = separator
        closing = Array(probe[(one + 1)...])
        chunks = (items.count + Self.chunkSize - 1) / Self.chunkSize
        encodeChunk = { unit in
            try Self.encoded(items[unit * Self.chunkSize..<min(unit * Self.chunkSize + Self.chunkSize, items.count)],
                         separator: separator, indentation: indentation, direct: direct)
        }
    }

    /// `shell` (the object encoded with these arrays empty) with each array's items put in.
    static func splice(_ arrays: [SplicedArray], into shell: [UInt8]) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try splice(arrays, into: shell) { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// `shell` with each array's items put in, handed to `write` piece by piece, in order.
    static func splice(_ arrays: [SplicedArray], into shell: [UInt8], to write: (ArraySlice<UInt8>) throws -> Void) throws {
        var replacements: [(range: Range<Int>, array: SplicedArray)] = []
        for array in arrays where array.chunks > 0 {
            guard let range = shell.firstRange(of: array.emptyArray) else {
                throw EncodingError.invalidValue(array.emptyArray, .init(codingPath: [], debugDescription: "array to fill not found"))
            }
            replacements.append((range, array))
        }
        var position = 0
        for replacement in replacements.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            try write(shell[position..<replacement.range.lowerBound])
            try replacement.array.write(to: write)
            position = replacement.range.upperBound
        }
        try write(shell[position...])
    }

    /// The filled array, handed to `write` a batch of chunks at a time, each batch encoded on every core.
    private func write(to write: (ArraySlice<UInt8>) throws -> Void) throws {
        try write(opening[...])
        for first in stride(from: 0, to: chunks, by: Self.batchSize) {
            let batch = first..<min(first + Self.batchSize, chunks)
            let encoded = Mutex<[Result<[UInt8], any Error>]>(Array(repeating: .success([]), count: batch.count))
            let encodeChunk = encodeChunk
            DispatchQueue.concurrentPerform(iterations: batch.count) { offset in
                let result = Result { try encodeChunk(first + offset) }
                encoded.withLock { $0[offset] = result }
            }
            for (offset, chunk) in encoded.withLock({ $0 }).enumerated() {
                if first + offset > 0 { try write(separator[...]) }
                try write(try chunk.get()[...])
            }
        }
        try write(closing[...])
    }

    /// Items encoded one by one as the array's items (each line break followed by `indentation`,
    /// items joined by `separator`).
    private static func encoded<Item: Encodable & Sendable>(_ items: ArraySlice<Item>, separator: [UInt8], indentation: [UInt8],
                                                            direct: (@Sendable (inout JSONText, Item) -> Void)?) throws -> [UInt8] {
        if let direct {
            var json = JSONText(depth: indentation.count / 2)
            for (position, item) in items.enumerated() {
                if position > 0 { json.raw(separator) }
                direct(&json, item)
            }
            return json.bytes
        }
        let encoder = JSONReporter.encoder()
        var bytes: [UInt8] = []
        for item in items {
            if !bytes.isEmpty { bytes.append(contentsOf: separator) }
            appendIndented(Array(try encoder.encode(item)), indentation: indentation, to: &bytes)
        }
        return bytes
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
