import RampartModel

/// Parses one JSON document (an AdmissionReview body) straight into a `Node` tree with marks.
///
/// Measured on the 5 KB Pod review of `bench/webhook`: the libyaml path (`ManifestLoader.documents`)
/// took about 230 µs per request, the largest share of the webhook's time; this byte-level parser
/// builds the same tree in a fraction of that. `rampart-bench parse` (release build, median of 7 runs
/// of 20,000 rounds on a shared 2-core machine, whose wall times vary by up to 45 % between runs;
/// callgrind instructions per round, which do not, in parentheses): it parses the 5 KB review into its
/// whole tree in 35 µs (0.30 M); `JSONSerialization` into the same tree takes 200 µs (1.81 M), of
/// which `JSONSerialization` alone 128 µs (1.21 M). The webhook's own decode, with its selection,
/// 30 µs (0.29 M). On the 1.2 KB review of the Kubernetes documentation: 8.3 µs (0.075 M) against
/// 48 µs (0.42 M).
/// Strings become quoted scalars; numbers, `true`, `false` and `null` plain scalars, so `Node.bool`,
/// `.int` and `.isNull` read them as they read YAML.
/// Members a `FieldSelection` leaves out are skipped without building nodes.
/// Hostile input is refused, never a crash: nesting is capped, invalid UTF-8 is replaced, control
/// characters in strings and trailing content are errors. Messages give positions, never content.
///
/// `JSONTreeParserFuzzTests` checks it against `JSONSerialization` on mutated reviews; the differences
/// by design: lone surrogate escapes and invalid UTF-8 become U+FFFD (Foundation refuses them), a
/// number keeps its text whatever its magnitude (Foundation refuses `1e400`), nesting stops at 256
/// levels (Foundation's at 512), trailing commas and UTF-16/32 bodies are refused (Foundation takes
/// them), a U+FEFF inside a string is kept (Foundation drops it at a string's start or after an
/// escape), and duplicate keys are all kept, in order, for `Node`'s last-wins lookup.
struct JSONTreeParser {
    /// Deepest nesting accepted, as for YAML documents.
    static let maximumDepth = 256
    /// Most values built from one body (members a selection skips are not built and not counted).
    /// The rules' work grows with the values they walk: a 3 MiB body of a million `{}` containers
    /// cost 32 s of CPU and 2.78 GB before this limit. Real objects of the kinds judged hold a few
    /// hundred to a few thousand values (the 5 KB Pod review of `bench/webhook`: 255); a Pod of 100
    /// containers with 100 environment variables each, 30,000.
    static let maximumValues = 100_000

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var line = 1
    private var lineStart = 0
    /// Elements reserved up front for each non-empty object and array: most in Kubernetes objects
    /// have fewer, so their array is allocated once instead of growing (measured: a quarter less
    /// parse time). `reservationBudget` bounds what hostile input (millions of one-element arrays)
    /// can make this over-allocate; past it, arrays grow as they fill.
    private static let reservedElements = 8
    private var reservationBudget = 1 << 16
    /// Values that may still be built (see `maximumValues`).
    private var valueBudget = maximumValues

    /// The capacity to reserve for a container's first element.
    private mutating func reservation() -> Int {
        let reserved = min(Self.reservedElements, reservationBudget)
        reservationBudget -= reserved
        return reserved
    }

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The tree of `body`, which must hold exactly one JSON value.
    static func parse(_ body: [UInt8], selecting selection: FieldSelection = .all) throws(AdmissionReviewError) -> Node {
        try body.withUnsafeBytes { result(of: $0, selecting: selection) }.get()
    }

    /// The tree of the bytes of `body`, which must hold exactly one JSON value (read in place, so a
    /// server's request buffer needs no copy).
    static func parse(_ body: UnsafeRawBufferPointer, selecting selection: FieldSelection = .all) throws(AdmissionReviewError) -> Node {
        try result(of: body, selecting: selection).get()
    }

    private static func result(of body: UnsafeRawBufferPointer, selecting selection: FieldSelection) -> Result<Node, AdmissionReviewError> {
        var parser = JSONTreeParser(body.assumingMemoryBound(to: UInt8.self))
        do throws(AdmissionReviewError) {
            return .success(try parser.document(selecting: selection))
        } catch {
            return .failure(error)
        }
    }

    private mutating func document(selecting selection: FieldSelection) throws(AdmissionReviewError) -> Node {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        skipWhitespace()
        guard index < bytes.count else { throw .malformed("empty body") }
        let root = try value(depth: 0, selecting: selection)
        skipWhitespace()
        guard index == bytes.count else { throw failure("content after the JSON value") }
        return root
    }

    private var mark: SourceMark { SourceMark(line: line, column: index - lineStart + 1) }

    private func failure(_ message: String) -> AdmissionReviewError {
        .malformed("\(message) at line \(line), column \(index - lineStart + 1)")
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D: index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
            default: return
            }
        }
    }

    private mutating func value(depth: Int, selecting selection: FieldSelection) throws(AdmissionReviewError) -> Node {
        guard depth < Self.maximumDepth else { throw failure("nesting deeper than \(Self.maximumDepth) levels") }
        guard index < bytes.count else { throw failure("unexpected end of input") }
        guard valueBudget > 0 else {
            throw .tooLarge("more than \(Self.maximumValues) JSON values (the webhook's limit per review), at line \(line), column \(index - lineStart + 1)")
        }
        valueBudget -= 1
        let start = mark
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object(depth: depth, start: start, selecting: selection)
        case UInt8(ascii: "["): return try array(depth: depth, start: start, selecting: selection)
        case UInt8(ascii: "\""): return Node(.scalar(Scalar(try string(), isPlain: false)), mark: start)
        case UInt8(ascii: "t"): return try literal("true", start)
        case UInt8(ascii: "f"): return try literal("false", start)
        case UInt8(ascii: "n"): return try literal("null", start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return Node(.scalar(Scalar(try number(), isPlain: true)), mark: start)
        default: throw failure("unexpected character")
        }
    }

    private mutating func object(depth: Int, start: SourceMark, selecting selection: FieldSelection) throws(AdmissionReviewError) -> Node {
        var entries: [MappingEntry] = []
        // Most objects are built whole: only those of the top levels look their members up.
        let selects = if case .members = selection { true } else { false }
        try elements(close: UInt8(ascii: "}"), in: "an object") { parser throws(AdmissionReviewError) in
            try parser.expectKey()
            let keyMark = parser.mark
            let key = try parser.string(isKey: true)
            try parser.expectColon()
            let member = selects ? selection.member(key) : .all
            if case .skip = member {
                try parser.skipValue(depth: depth + 1)
            } else {
                let value = try parser.value(depth: depth + 1, selecting: member)
                if entries.isEmpty { entries.reserveCapacity(parser.reservation()) }
                entries.append(MappingEntry(key: key, keyMark: keyMark, value: value))
            }
        }
        return Node(.mapping(entries), mark: start)
    }

    /// An array; `selection` applies to each of its elements.
    private mutating func array(depth: Int, start: SourceMark, selecting selection: FieldSelection) throws(AdmissionReviewError) -> Node {
        var items: [Node] = []
        try elements(close: UInt8(ascii: "]"), in: "an array") { parser throws(AdmissionReviewError) in
            let item = try parser.value(depth: depth + 1, selecting: selection)
            if items.isEmpty { items.reserveCapacity(parser.reservation()) }
            items.append(item)
        }
        return Node(.sequence(items), mark: start)
    }

    /// Moves past an opening bracket, the comma-separated elements (each read by `element`) and the
    /// closing bracket `close`.
    private mutating func elements(close: UInt8, in container: String,
                                   _ element: (inout JSONTreeParser) throws(AdmissionReviewError) -> Void) throws(AdmissionReviewError) {
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == close {
            index += 1
            return
        }
        while true {
            skipWhitespace()
            try element(&self)
            skipWhitespace()
            guard index < bytes.count else { throw failure("unexpected end of input in \(container)") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard bytes[index] == close else { throw failure("expected ',' or '\(Character(Unicode.Scalar(close)))'") }
            index += 1
            return
        }
    }

    /// Moves past one value without building it, checked as `value` checks it: the same grammar and
    /// the same depth limit, so a body is refused or accepted whatever the selection skips.
    private mutating func skipValue(depth: Int) throws(AdmissionReviewError) {
        guard depth < Self.maximumDepth else { throw failure("nesting deeper than \(Self.maximumDepth) levels") }
        guard index < bytes.count else { throw failure("unexpected end of input") }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            try elements(close: UInt8(ascii: "}"), in: "an object") { parser throws(AdmissionReviewError) in
                try parser.expectKey()
                try parser.skipString()
                try parser.expectColon()
                try parser.skipValue(depth: depth + 1)
            }
        case UInt8(ascii: "["):
            try elements(close: UInt8(ascii: "]"), in: "an array") { parser throws(AdmissionReviewError) in
                try parser.skipValue(depth: depth + 1)
            }
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "t"): try match("true")
        case UInt8(ascii: "f"): try match("false")
        case UInt8(ascii: "n"): try match("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try scanNumber()
        default: throw failure("unexpected character")
        }
    }

    /// Checks that an object member starts here with its key.
    private func expectKey() throws(AdmissionReviewError) {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw failure("expected a string key") }
    }

    /// Moves past the `:` after a member's key and the whitespace around it.
    private mutating func expectColon() throws(AdmissionReviewError) {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw failure("expected ':'") }
        index += 1
        skipWhitespace()
    }

    /// The literal `word` (a constant, so the node's text costs nothing to make).
    private mutating func literal(_ word: String, _ start: SourceMark) throws(AdmissionReviewError) -> Node {
        try match(word)
        return Node(.scalar(Scalar(word, isPlain: true)), mark: start)
    }

    /// Moves past `word`, which must be next.
    private mutating func match(_ word: String) throws(AdmissionReviewError) {
        let count = word.utf8.count
        guard index + count <= bytes.count else { throw failure("unexpected end of input") }
        guard word.utf8.elementsEqual(bytes[index..<index + count]) else { throw failure("unexpected character") }
        index += count
    }

    /// A number as written, checked against JSON's grammar.
    private mutating func number() throws(AdmissionReviewError) -> String {
        let start = index
        try scanNumber()
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    /// Moves past a number, checked against JSON's grammar.
    private mutating func scanNumber() throws(AdmissionReviewError) {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard digits() > 0 else { throw failure("invalid number") }
        if bytes[start] == UInt8(ascii: "0") || (bytes[start] == UInt8(ascii: "-") && bytes[start + 1] == UInt8(ascii: "0")) {
            let digitStart = bytes[start] == UInt8(ascii: "-") ? start + 1 : start
            guard index - digitStart == 1 else { throw failure("invalid number (leading zero)") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw failure("invalid number") }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw failure("invalid number") }
        }
    }

    private mutating func digits() -> Int {
        let start = index
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
        return index - start
    }

    /// A string's text; the fast path copies the bytes between the quotes when there is no escape,
    /// or, for a key, takes the shared string of a known one (`KnownKeys`).
    private mutating func string(isKey: Bool = false) throws(AdmissionReviewError) -> String {
        let start = index + 1
        let cursor = Self.plainRunEnd(in: bytes, from: start)
        index = cursor
        guard cursor < bytes.count else { throw failure("unterminated string") }
        switch bytes[cursor] {
        case UInt8(ascii: "\""):
            index += 1
            let text = UnsafeBufferPointer(rebasing: bytes[start..<cursor])
            return (isKey ? KnownKeys.shared.string(for: text) : nil) ?? String(decoding: text, as: UTF8.self)
        case UInt8(ascii: "\\"):
            return try escapedString(from: start)
        default:
            throw failure("control character in a string")
        }
    }

    /// The position of the first quote, backslash or control character at or after `start` (or the end).
    private static func plainRunEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var cursor = start
        while cursor < bytes.count {
            let byte = bytes[cursor]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { break }
            cursor += 1
        }
        return cursor
    }

    private mutating func escapedString(from start: Int) throws(AdmissionReviewError) -> String {
        var text = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        try readEscapedRest(into: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// Moves past a string without making it, checked as `string` checks it.
    private mutating func skipString() throws(AdmissionReviewError) {
        index = Self.plainRunEnd(in: bytes, from: index + 1)
        guard index < bytes.count else { throw failure("unterminated string") }
        switch bytes[index] {
        case UInt8(ascii: "\""): index += 1
        case UInt8(ascii: "\\"):
            var ignored: [UInt8] = []
            try readEscapedRest(into: &ignored)
        default: throw failure("control character in a string")
        }
    }

    /// Reads a string from its first backslash to its closing quote, appending its bytes to `text`
    /// with the escapes resolved.
    private mutating func readEscapedRest(into text: inout [UInt8]) throws(AdmissionReviewError) {
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { throw failure("unterminated string") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escape)
                case UInt8(ascii: "b"): text.append(0x08)
                case UInt8(ascii: "f"): text.append(0x0C)
                case UInt8(ascii: "n"): text.append(0x0A)
                case UInt8(ascii: "r"): text.append(0x0D)
                case UInt8(ascii: "t"): text.append(0x09)
                case UInt8(ascii: "u"): text.append(contentsOf: try unicodeEscape())
                default:
                    index -= 1  // the error points at the escape letter
                    throw failure("invalid escape in a string")
                }
            case 0..<0x20:
                index -= 1  // the error points at the control character
                throw failure("control character in a string")
            default:
                text.append(byte)
            }
        }
        throw failure("unterminated string")
    }

    /// The UTF-8 bytes of a `\uXXXX` escape (with its low surrogate when it is a high one); a lone
    /// surrogate becomes U+FFFD, as Go's decoder does.
    private mutating func unicodeEscape() throws(AdmissionReviewError) -> [UInt8] {
        var value = try hex4()
        if (0xD800..<0xDC00).contains(value), index + 1 < bytes.count,
           bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
            let saved = index
            index += 2
            let low = try hex4()
            if (0xDC00..<0xE000).contains(low) {
                value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
            } else {
                index = saved
            }
        }
        let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
        return Array(String(Character(scalar)).utf8)
    }

    private mutating func hex4() throws(AdmissionReviewError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw failure("invalid \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("invalid \\u escape")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }
}
