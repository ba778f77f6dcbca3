import Foundation
@testable import RampartAdmission
import RampartModel
import Testing
import TestSupport

/// A seeded, bounded differential fuzz run of the AdmissionReview parser: review bodies and hand-made
/// documents, mutated, must never crash `JSONTreeParser`, and it must agree with a reference parse,
/// Foundation's `JSONSerialization` (`.fragmentsAllowed`): where the reference accepts, the parser
/// accepts with the same tree (keys, strings, numbers, booleans, nulls); where it refuses, the
/// parser refuses with a `.malformed` error whose position is in the body.
/// `RAMPART_FUZZ_ITERATIONS` raises the bound (`scripts/test` runs 20,000, about 10 s in a debug
/// build); `RAMPART_FUZZ_SEED` draws other mutants. A disagreement is reported with its iteration
/// and the smallest input (found by deleting spans) that still disagrees the same way.
///
/// Where the two differ by design, the comparison says so explicitly rather than skipping the body:
/// - Invalid UTF-8 and lone surrogate escapes: the parser replaces them with U+FFFD (as Go's decoder,
///   so the API server, does); Foundation refuses the body. The reference reads the body with those
///   replacements made (`repaired`), and must then agree.
/// - Numbers beyond `Double`'s range (`1e400`): the parser keeps a number's text; Foundation refuses
///   them ("not representable"). The reference reads them as `0` and the parser's text must overflow.
/// - Depth: the parser refuses nesting deeper than `JSONTreeParser.maximumDepth` (256), Foundation
///   at 512. A body refused for depth must nest that deep, and an accepted one must not.
/// - Trailing commas (`[1,]`, `{"a":1,}`): Foundation takes them by design (swift-corelibs-foundation
///   issue 4682), RFC 8259 and Go do not; the parser must refuse them.
/// - U+FEFF: Foundation drops a raw U+FEFF that starts a string or follows an escape (it takes it for
///   a byte order mark); the parser keeps it, as Go does. The reference reads it escaped.
/// - Encodings: Foundation reads a body that starts with a UTF-16/32 byte order mark or has a NUL in
///   its first four bytes as UTF-16 or UTF-32; the API server sends UTF-8, and the parser must refuse.
/// - Duplicate keys: the parser keeps every member in order and `Node`'s subscript takes the last,
///   as the API server's decoder does; Foundation keeps the last. The parser's members are folded
///   last-wins before comparing. (Both folds go through Swift dictionaries, which also merge
///   canonically equivalent keys such as `K` and U+212A KELVIN SIGN; the parser keeps those apart,
///   as Go does: see `documentedDifferences`.)
/// - Field selection: a body is refused or accepted whatever a selection skips, and the selected tree
///   is the whole tree with the skipped members left out, marks included.
@Suite("The AdmissionReview JSON parser, fuzzed against JSONSerialization")
struct JSONTreeParserFuzzTests {
    // MARK: Corpus

    /// The review bodies of this target's tests, the benchmark's review, and hand-made documents.
    static let seeds: [[UInt8]] = {
        var texts = [
            Reviews.upstreamScale,
            Reviews.upstreamAllowedResponse,
            Reviews.goodContainer,
            Reviews.review(Reviews.pod([Reviews.goodContainer, Reviews.privilegedContainer])),
            Reviews.review(Reviews.pod([Reviews.goodContainer], ephemeral: [Reviews.privilegedContainer],
                                       annotations: #"{"a.example.com/x":"1","b":""}"#),
                           oldObject: Reviews.pod([Reviews.goodContainer]), namespace: nil, operation: "UPDATE",
                           groups: ["system:serviceaccounts", "system:authenticated"], dryRun: true),
            // Escapes, multi-byte text, surrogate pairs (and lone surrogates, which the parser replaces).
            #"{"esc":"\"\\\/\b\f\n\r\t\u0000\u001f\u007f","é":"ü中😀\#u{7F}","\u006bey":"\u00e9\u4E2D\ud83d\ude00\uD834\uDD1E","":"","\#u{FEFF}k":"\#u{FEFF}\n\#u{FEFF}x\#u{FEFF}"}"#,
            #"["\ud83d\ude00","\uDBFF\uDFFF","x\ud800","\udc00y","\ud800\ud800\udc00","\ud83d\u0041","\ud83d\\u"]"#,
            // Numbers: exponents, signs, zeros, the edges of Int64, UInt64 and Double, and beyond.
            "[0,-0,1,-1,0.5,-0.5e-3,1e5,1E+5,1e-5,0e0,-0.0E-0,2.5E-308,4.9e-324,1e-400,1.7976931348623157e308,"
                + "9223372036854775807,-9223372036854775808,9223372036854775808,18446744073709551615,18446744073709551616,"
                + "123456789012345678901234567890,0.1000000000000000055511151231257827,1e400,-1e400]",
            // Duplicate keys, at the top and deeper.
            #"{"a":1,"b":{"c":true,"c":false,"c":null},"a":[3],"kind":"Pod","kind":"AdmissionReview"}"#,
            // Empty containers and strings, fragments, whitespace of every kind.
            #"{"o":{},"a":[],"n":[{}],"d":[[]],"s":"","e":{"":[{"":{}}]}}"#,
            " \t\r\n[ {\n\t\"a\" :\r\n 1 } , [ ] , { } ]\r\n ",
            "\u{FEFF}{\"bom\":true}",
            "0", "-1.5e-7", "\"text\"", "true", "false", "null", "[]", "{}",
        ]
        // Deep nesting: well inside the limit, at it (256 open containers), and past it.
        let mixed = String(repeating: #"{"a":["#, count: 100) + "1" + String(repeating: "]}", count: 100)
        texts += [mixed,
                  String(repeating: "[", count: 255) + "1" + String(repeating: "]", count: 255),
                  String(repeating: "[", count: 256) + String(repeating: "]", count: 256),
                  String(repeating: "[", count: 257) + String(repeating: "]", count: 257)]
        var seeds = texts.map { Array($0.utf8) }
        // The 5 KB Pod review of `bench/webhook` (status, probes, volumes, env).
        let review = Fixtures.repositoryRoot.appendingPathComponent("bench/webhook-review.json")
        if let data = try? Data(contentsOf: review) { seeds.append(Array(data)) }
        return seeds
    }()

    /// Structural characters and fragments the mutations insert.
    static let tokens: [[UInt8]] = [
        "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud83d", "\\ude00", "\\ud800", "\\u00e9", "e", "E", "-", "+",
        "0", ".", "1e400", "true", "null", "\"\":", " ", "\n", "\t", "\r", "{}", "[]", "\"\"", ",\"a\":1",
        "\u{FEFF}", "é", "😀",
    ].map { Array($0.utf8) } + [[0x00], [0xFF], [0xC3], [0xED, 0xA0, 0x80], [0x7F], [0x1F]]

    /// Where the values, object members and array elements of each seed are, for the mutations that
    /// keep a document well formed (splicing a value of one seed into another, duplicate keys).
    fileprivate static let shapes: [SeedShape] = seeds.map(SeedShape.init)

    // MARK: Tests

    @Test func mutatedDocumentsParseAsTheReferenceReadsThem() {
        let environment = ProcessInfo.processInfo.environment
        let iterations = Int(environment["RAMPART_FUZZ_ITERATIONS"] ?? "") ?? 3_000
        let base = UInt64(environment["RAMPART_FUZZ_SEED"] ?? "") ?? 0x14_1550E
        var tally: [Agreement: Int] = [:]
        var disagreements: [String] = []
        var seen: Set<String> = []
        for iteration in 0..<iterations {
            var random = SplitMix64(seed: base ^ UInt64(iteration) &* 0x9E37_79B9_7F4A_7C15)
            let mutant = Self.mutant(&random)
            let selection = iteration.isMultiple(of: 2) ? AdmissionReview.fieldsRead : .kubernetesObject
            _ = try? AdmissionReview.decode(mutant)  // the webhook's entry point: no crash either
            switch Differential.check(mutant, selection: selection) {
            case .agreed(let kind): tally[kind, default: 0] += 1
            case .disagreed(let reason):
                // The first of each kind (and message), made small.
                let key = reason.kind + String(reason.detail.prefix(while: { !$0.isNumber }))
                if disagreements.count < 10, seen.insert(key).inserted {
                    let small = Differential.minimized(mutant) { Differential.check($0, selection: selection).disagreement?.kind == reason.kind }
                    let answer = Differential.check(small, selection: selection).disagreement?.detail ?? reason.detail
                    disagreements.append("iteration \(iteration): \(reason.kind): \(answer)\n  minimal input: \(Differential.literal(small))")
                }
            }
        }
        print("JSONTreeParser fuzz: \(iterations) mutants, " + Agreement.allCases.map { "\($0.rawValue) \(tally[$0, default: 0])" }.joined(separator: ", "))
        #expect(disagreements.isEmpty, "\(disagreements.joined(separator: "\n"))")
        // Not vacuous: a good share of the mutants are documents both parsers build.
        #expect(tally[.bothAccept, default: 0] * 5 >= iterations, "\(tally)")
    }

    /// Every seed as it is (the documented differences among them included).
    @Test func seedsParseAsTheReferenceReadsThem() {
        for (index, seed) in Self.seeds.enumerated() {
            for selection in [FieldSelection.all, AdmissionReview.fieldsRead, .kubernetesObject] {
                if case .disagreed(let reason) = Differential.check(seed, selection: selection) {
                    Issue.record("seed \(index): \(reason.kind): \(reason.detail)")
                }
            }
        }
    }

    /// The differences from `JSONSerialization` the fuzz run accounts for, pinned on the parser's side.
    @Test func documentedDifferences() throws {
        // Trailing commas: refused (Foundation takes them).
        for text in ["[1,]", #"{"a":1,}"#, "[1 ,\n]", #"{"a":[1,],"b":2}"#] {
            #expect(throws: AdmissionReviewError.self) { try JSONTreeParser.parse(Array(text.utf8)) }
        }
        // UTF-16 and UTF-32 bodies: refused (Foundation sniffs the encoding).
        for body: [UInt8] in [[0x5B, 0x00, 0x31, 0x00, 0x5D, 0x00], [0xFF, 0xFE, 0x31, 0x00], [0x00, 0x00, 0x00, 0x31]] {
            #expect(throws: AdmissionReviewError.self) { try JSONTreeParser.parse(body) }
        }
        // Numbers beyond Double: kept as written (Foundation refuses them).
        #expect(try JSONTreeParser.parse(Array("[1e400]".utf8))[0]?.string == "1e400")
        // Depth: 256 open containers are accepted, 257 are not; a scalar inside 256 is not either.
        let depth = JSONTreeParser.maximumDepth
        #expect(throws: Never.self) { try JSONTreeParser.parse(Array((String(repeating: "[", count: depth) + String(repeating: "]", count: depth)).utf8)) }
        #expect(throws: AdmissionReviewError.self) { try JSONTreeParser.parse(Array((String(repeating: "[", count: depth + 1) + String(repeating: "]", count: depth + 1)).utf8)) }
        #expect(throws: AdmissionReviewError.self) { try JSONTreeParser.parse(Array((String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth)).utf8)) }
        // Duplicate keys: every member kept in order; lookups take the last.
        let duplicates = try JSONTreeParser.parse(Array(#"{"a":1,"b":2,"a":3}"#.utf8))
        #expect(duplicates.entries.map(\.key) == ["a", "b", "a"] && duplicates["a"]?.int == 3)
        // Canonically equivalent keys stay apart, as in Go (Swift's String equality, so Foundation's
        // dictionary, folds them): `K` and U+212A KELVIN SIGN are two members.
        let kelvin = try JSONTreeParser.parse(Array(#"{"K":1,"\u212A":2}"#.utf8))
        #expect(kelvin.entries.count == 2 && kelvin["K"]?.int == 1)
        #expect(kelvin.entries.map { Array($0.key.unicodeScalars) } == [["K"], ["\u{212A}"]])
    }

    /// An error's position is the offending byte's, in a string's plain run as after an escape (the
    /// fuzz run's minimal case: a backslash before a line feed, reported past the end of line 1).
    @Test(arguments: [
        ("\"\u{01}\"", "control character in a string at line 1, column 2"),
        ("\"\\n\u{01}\"", "control character in a string at line 1, column 4"),
        (#""\x""#, "invalid escape in a string at line 1, column 3"),
        ("\"\\\n", "invalid escape in a string at line 1, column 3"),
        ("[\"a\",\n \"\\q\"]", "invalid escape in a string at line 2, column 4"),
    ])
    func errorsPointAtTheOffendingByte(_ text: String, _ message: String) {
        #expect(throws: AdmissionReviewError.malformed(message)) { try JSONTreeParser.parse(Array(text.utf8)) }
    }

    // MARK: Mutations

    fileprivate static func mutant(_ random: inout SplitMix64) -> [UInt8] {
        let index = Int(random.next() % UInt64(seeds.count))
        var bytes = seeds[index]
        // Half the mutants start with a change that keeps the document well formed.
        if random.next() % 2 == 0 { shapes[index].mutate(&bytes, &random) }
        // Then up to three byte-level changes (none for a third of them, so whole trees get compared).
        for _ in 0..<[0, 0, 1, 1, 2, 3][Int(random.next() % 6)] { mutate(&bytes, &random) }
        return bytes
    }

    /// One byte-level mutation: a flip, an inserted token, a truncation, a deleted or duplicated span,
    /// a splice with another seed, or a random byte.
    fileprivate static func mutate(_ bytes: inout [UInt8], _ random: inout SplitMix64) {
        guard !bytes.isEmpty else { bytes = tokens[Int(random.next() % UInt64(tokens.count))]; return }
        let at = Int(random.next() % UInt64(bytes.count))
        switch random.next() % 8 {
        case 0: bytes[at] ^= UInt8(1) << (random.next() % 8)
        case 1, 2: bytes.insert(contentsOf: tokens[Int(random.next() % UInt64(tokens.count))], at: at)
        case 3: bytes.removeSubrange(at...)
        case 4: bytes.removeSubrange(at..<min(bytes.count, at + Int(random.next() % 16) + 1))
        case 5:
            let end = min(bytes.count, at + Int(random.next() % 64) + 1)
            bytes.insert(contentsOf: bytes[at..<end], at: end)
        case 6:
            let other = seeds[Int(random.next() % UInt64(seeds.count))]
            bytes = Array(bytes[..<at]) + other[Int(random.next() % UInt64(other.count))...]
        default: bytes[at] = UInt8(truncatingIfNeeded: random.next())
        }
    }
}

/// The values, members and array elements of a well-formed seed (empty for others).
private struct SeedShape {
    var values: [Range<Int>] = []
    /// Each member's key (with its quotes), and where it ends.
    var members: [(key: Range<Int>, end: Int)] = []
    var elements: [Range<Int>] = []
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard (try? value(&index)) != nil else { values = []; members = []; elements = []; return }
    }

    /// A change that keeps the document well formed: a value replaced by a value of any seed, a
    /// member repeated with another value (a duplicate key), or an array element repeated.
    func mutate(_ target: inout [UInt8], _ random: inout SplitMix64) {
        let donor = JSONTreeParserFuzzTests.shapes[Int(random.next() % UInt64(JSONTreeParserFuzzTests.shapes.count))]
        guard !values.isEmpty, let donated = donor.values.randomElement(using: &random).map({ donor.bytes[$0] }) else { return }
        switch random.next() % 3 {
        case 0:
            target.replaceSubrange(values[Int(random.next() % UInt64(values.count))], with: donated)
        case 1 where !members.isEmpty:
            let member = members[Int(random.next() % UInt64(members.count))]
            target.insert(contentsOf: [UInt8(ascii: ",")] + bytes[member.key] + [UInt8(ascii: ":")] + donated, at: member.end)
        default:
            guard let element = elements.randomElement(using: &random) else { return }
            target.insert(contentsOf: [UInt8(ascii: ",")] + bytes[element], at: element.upperBound)
        }
    }

    private struct Malformed: Error {}

    private func skipSpace(_ index: inout Int) {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private mutating func value(_ index: inout Int) throws {
        skipSpace(&index)
        guard index < bytes.count else { throw Malformed() }
        let start = index
        switch bytes[index] {
        case UInt8(ascii: "{"):
            index += 1
            skipSpace(&index)
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; break }
            while true {
                skipSpace(&index)
                let keyStart = index
                try string(&index)
                let key = keyStart..<index
                skipSpace(&index)
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw Malformed() }
                index += 1
                try value(&index)
                members.append((key, index))
                skipSpace(&index)
                guard index < bytes.count else { throw Malformed() }
                index += 1
                if bytes[index - 1] == UInt8(ascii: "}") { break }
                guard bytes[index - 1] == UInt8(ascii: ",") else { throw Malformed() }
            }
        case UInt8(ascii: "["):
            index += 1
            skipSpace(&index)
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; break }
            while true {
                skipSpace(&index)
                let elementStart = index
                try value(&index)
                elements.append(elementStart..<index)
                skipSpace(&index)
                guard index < bytes.count else { throw Malformed() }
                index += 1
                if bytes[index - 1] == UInt8(ascii: "]") { break }
                guard bytes[index - 1] == UInt8(ascii: ",") else { throw Malformed() }
            }
        case UInt8(ascii: "\""): try string(&index)
        default:
            while index < bytes.count, bytes[index] > 0x20, !",]}".utf8.contains(bytes[index]) { index += 1 }
            guard index > start else { throw Malformed() }
        }
        values.append(start..<index)
    }

    private func string(_ index: inout Int) throws {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw Malformed() }
        index += 1
        while index < bytes.count, bytes[index] != UInt8(ascii: "\"") { index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1 }
        guard index < bytes.count else { throw Malformed() }
        index += 1
    }
}

/// The comparison of the parser with the reference for one body.
private enum Differential {
    /// How a body came out the same, or by which documented difference.
    enum Agreement: String, CaseIterable { case bothAccept, bothReject, encoding, trailingComma, depth }
    struct Disagreement { var kind: String; var detail: String }
    enum Outcome {
        case agreed(Agreement)
        case disagreed(Disagreement)
        var disagreement: Disagreement? { if case .disagreed(let reason) = self { reason } else { nil } }
    }

    static func check(_ body: [UInt8], selection: FieldSelection) -> Outcome {
        let parsed = Result { () throws(AdmissionReviewError) in try JSONTreeParser.parse(body) }
        // The in-place entry point, on a slice followed by bytes that would close any open value: a
        // read past the end would change the answer.
        let sentinel: [UInt8] = Array(#""]}"#.utf8)
        let selected = (body + sentinel).withUnsafeBytes { buffer in
            Result { () throws(AdmissionReviewError) in try JSONTreeParser.parse(UnsafeRawBufferPointer(rebasing: buffer[..<body.count]), selecting: selection) }
        }
        let outcome = compare(body, parsed)
        if case .disagreed = outcome { return outcome }
        switch (parsed, selected) {
        case (.success(let whole), .success(let part)):
            if let difference = sameTree(project(whole, selection), part, path: "$") {
                return .disagreed(Disagreement(kind: "selection changes the tree", detail: difference))
            }
        case (.failure, .failure): break
        case (.success, .failure(let error)):
            return .disagreed(Disagreement(kind: "selection refuses an accepted body", detail: "\(error)"))
        case (.failure(let error), .success):
            return .disagreed(Disagreement(kind: "selection accepts a refused body", detail: "\(error)"))
        }
        return outcome
    }

    private static func compare(_ body: [UInt8], _ parsed: Result<Node, AdmissionReviewError>) -> Outcome {
        if case .failure(let error) = parsed, let problem = misplaced(error, in: body) {
            return .disagreed(Disagreement(kind: "error without a position in the body", detail: problem))
        }
        let shape = Shape(body)
        if case .success(let root) = parsed {
            if let problem = marksMisplaced(root, body) { return .disagreed(Disagreement(kind: "mark off its value", detail: problem)) }
            guard shape.maximumOpen <= JSONTreeParser.maximumDepth else {
                return .disagreed(Disagreement(kind: "parser accepts nesting past its limit", detail: "\(shape.maximumOpen) levels"))
            }
        }
        // Bodies the reference reads in another encoding, or with trailing commas, are not JSON the
        // parser accepts, whatever the reference says.
        if sniffsEncoding(body) || shape.trailingComma {
            guard case .failure = parsed else {
                return .disagreed(Disagreement(kind: "parser accepts what RFC 8259 refuses", detail: sniffsEncoding(body) ? "not UTF-8" : "trailing comma"))
            }
            return .agreed(sniffsEncoding(body) ? .encoding : .trailingComma)
        }
        let reference = Result { try JSONSerialization.jsonObject(with: Data(repaired(body)), options: [.fragmentsAllowed]) }
        switch (parsed, reference) {
        case (.success(let root), .success(let expected)):
            if let difference = difference(root, expected, path: "$") {
                return .disagreed(Disagreement(kind: "trees differ", detail: difference))
            }
            return .agreed(.bothAccept)
        case (.failure, .failure): return .agreed(.bothReject)
        case (.failure(let error), .success):
            if case .malformed(let message) = error, message.hasPrefix("nesting deeper than"), shape.maximumOpen >= JSONTreeParser.maximumDepth {
                return .agreed(.depth)
            }
            return .disagreed(Disagreement(kind: "parser refuses what the reference accepts", detail: "parser: \(error)"))
        case (.success(let root), .failure(let error)):
            let reason = (error as NSError).userInfo[NSDebugDescriptionErrorKey] ?? error
            return .disagreed(Disagreement(kind: "parser accepts what the reference refuses",
                                           detail: "reference: \(reason); parser: \(summary(root))"))
        }
    }

    // MARK: The reference's input

    /// True when Foundation reads the body as UTF-16 or UTF-32: a byte order mark of those, or a NUL
    /// among the first four bytes (the first two of a shorter body).
    static func sniffsEncoding(_ body: [UInt8]) -> Bool {
        body.first == 0xFE || body.first == 0xFF || body.prefix(body.count >= 4 ? 4 : 2).contains(0) && body.count >= 2
    }

    /// The body as the reference must read it for its answer to be the parser's: invalid UTF-8
    /// replaced by U+FFFD and lone surrogate escapes by `\uFFFD` (the parser's documented rules),
    /// numbers beyond `Double`'s range by `0` (the parser keeps their text), and a raw U+FEFF that
    /// starts a string or follows an escape written `\uFEFF` (Foundation drops it there, taking it
    /// for a byte order mark; the parser keeps it, as Go does).
    static func repaired(_ body: [UInt8]) -> [UInt8] {
        let text = Array(String(decoding: body, as: UTF8.self).utf8)
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var index = 0
        var inString = false
        // At the start of a string or after an escape, where Foundation drops a raw U+FEFF.
        var runStart = false
        while index < text.count {
            let byte = text[index]
            if inString {
                if runStart, text[index...].starts(with: [0xEF, 0xBB, 0xBF]) {
                    out += Array(#"\uFEFF"#.utf8)
                    index += 3
                    continue
                }
                runStart = byte == UInt8(ascii: "\\")
                switch byte {
                case UInt8(ascii: "\""):
                    inString = false
                    out.append(byte)
                    index += 1
                case UInt8(ascii: "\\"):
                    if index + 1 < text.count, text[index + 1] == UInt8(ascii: "u"), let code = hex4(text, index + 2) {
                        if (0xD800..<0xDC00).contains(code), index + 12 <= text.count, text[index + 6] == UInt8(ascii: "\\"),
                           text[index + 7] == UInt8(ascii: "u"), let low = hex4(text, index + 8), (0xDC00..<0xE000).contains(low) {
                            out += text[index..<index + 12]
                            index += 12
                        } else if (0xD800..<0xE000).contains(code) {
                            out += Array(#"\uFFFD"#.utf8)
                            index += 6
                        } else {
                            out += text[index..<index + 6]
                            index += 6
                        }
                    } else {
                        out += text[index..<min(text.count, index + 2)]
                        index += 2
                    }
                default:
                    out.append(byte)
                    index += 1
                }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
                runStart = true
                out.append(byte)
                index += 1
            } else if byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                var end = index
                while end < text.count, "0123456789+-.eE".utf8.contains(text[end]) { end += 1 }
                let run = text[index..<end]
                if isNumber(run), let value = Double(String(decoding: run, as: UTF8.self)), value.isInfinite {
                    out.append(UInt8(ascii: "0"))
                } else {
                    out += run
                }
                index = end
            } else {
                out.append(byte)
                index += 1
            }
        }
        return out
    }

    private static func hex4(_ text: [UInt8], _ start: Int) -> UInt32? {
        guard start + 4 <= text.count else { return nil }
        return UInt32(String(decoding: text[start..<start + 4], as: UTF8.self), radix: 16)
            .flatMap { text[start..<start + 4].allSatisfy { $0 != UInt8(ascii: "+") && $0 != UInt8(ascii: "-") } ? $0 : nil }
    }

    /// JSON's number grammar: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    static func isNumber(_ text: ArraySlice<UInt8>) -> Bool {
        var rest = text[...]
        func digits() -> Int {
            let count = rest.prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }.count
            rest = rest.dropFirst(count)
            return count
        }
        if rest.first == UInt8(ascii: "-") { rest = rest.dropFirst() }
        let leadingZero = rest.first == UInt8(ascii: "0")
        let integer = digits()
        guard integer > 0, !leadingZero || integer == 1 else { return false }
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            guard digits() > 0 else { return false }
        }
        if rest.first == UInt8(ascii: "e") || rest.first == UInt8(ascii: "E") {
            rest = rest.dropFirst()
            if rest.first == UInt8(ascii: "+") || rest.first == UInt8(ascii: "-") { rest = rest.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return rest.isEmpty
    }

    /// What a string-aware scan sees outside strings: the deepest nesting, and whether a comma is
    /// followed by a closing bracket (never valid JSON).
    struct Shape {
        var maximumOpen = 0
        var trailingComma = false

        init(_ body: [UInt8]) {
            var open = 0
            var inString = false
            var index = 0
            var afterComma = false
            while index < body.count {
                let byte = body[index]
                index += 1
                if inString {
                    if byte == UInt8(ascii: "\\") { index += 1 } else if byte == UInt8(ascii: "\"") { inString = false }
                    continue
                }
                switch byte {
                case 0x20, 0x09, 0x0A, 0x0D: continue
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    open += 1
                    maximumOpen = max(maximumOpen, open)
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    if afterComma { trailingComma = true }
                    open -= 1
                case UInt8(ascii: "\""): inString = true
                default: break
                }
                afterComma = byte == UInt8(ascii: ",")
            }
        }
    }

    // MARK: Trees

    /// The first difference between the parser's tree and the reference's value, or nil.
    static func difference(_ node: Node, _ expected: Any, path: String) -> String? {
        switch node.content {
        case .mapping(let entries):
            guard let object = expected as? [String: Any] else { return "\(path): parser has an object, reference \(describe(expected))" }
            var folded: [String: Node] = [:]
            for entry in entries { folded[entry.key] = entry.value }
            guard folded.count == object.count else {
                return "\(path): parser has keys \(folded.keys.sorted()), reference \(object.keys.sorted())"
            }
            for key in object.keys.sorted() {
                guard let index = folded.index(forKey: key) else { return "\(path): parser lacks key \(literal(Array(key.utf8)))" }
                guard folded[index].key.unicodeScalars.elementsEqual(key.unicodeScalars) else {
                    return "\(path): key \(literal(Array(folded[index].key.utf8))), reference \(literal(Array(key.utf8)))"
                }
                if let difference = difference(folded[index].value, object[key] as Any, path: path + "." + key) { return difference }
            }
            return nil
        case .sequence(let items):
            guard let array = expected as? [Any] else { return "\(path): parser has an array, reference \(describe(expected))" }
            guard items.count == array.count else { return "\(path): parser has \(items.count) items, reference \(array.count)" }
            for (index, item) in items.enumerated() {
                if let difference = difference(item, array[index], path: "\(path)[\(index)]") { return difference }
            }
            return nil
        case .scalar(let scalar):
            let found = "\(path): parser \(scalar.isPlain ? scalar.text : literal(Array(scalar.text.utf8))), reference \(describe(expected))"
            if !scalar.isPlain {
                guard let string = expected as? String, string.unicodeScalars.elementsEqual(scalar.text.unicodeScalars) else { return found }
                return nil
            }
            if expected is NSNull { return scalar.text == "null" ? nil : found }
            guard let number = expected as? NSNumber else { return found }
            if type(of: number) == booleanType { return scalar.text == (number.boolValue ? "true" : "false") ? nil : found }
            return sameNumber(scalar.text, number) ? nil : found
        }
    }

    private static let booleanType = type(of: NSNumber(value: true))

    /// True when `text` (the parser's, as written) is the number the reference read.
    static func sameNumber(_ text: String, _ number: NSNumber) -> Bool {
        guard isNumber(Array(text.utf8)[...]), let value = Double(text) else { return false }
        if value.isInfinite { return number.doubleValue == 0 }  // `repaired` wrote 0 for the reference
        if let decimal = number as? NSDecimalNumber {
            if let written = Decimal(string: text), written == decimal.decimalValue { return true }
            return abs(value - decimal.doubleValue) <= abs(value) * 1e-12
        }
        switch String(cString: number.objCType) {
        case "d", "f": return value == number.doubleValue
        default:
            if let integer = Int64(text) { return integer == number.int64Value }
            if let integer = UInt64(text) { return integer == number.uint64Value }
            return false
        }
    }

    /// The whole tree with what `selection` skips left out.
    static func project(_ node: Node, _ selection: FieldSelection) -> Node {
        switch (selection, node.content) {
        case (.members, .mapping(let entries)):
            let kept = entries.compactMap { entry -> MappingEntry? in
                let member = selection.member(entry.key)
                if case .skip = member { return nil }
                return MappingEntry(key: entry.key, keyMark: entry.keyMark, value: project(entry.value, member))
            }
            return Node(.mapping(kept), mark: node.mark)
        case (.members, .sequence(let items)):
            return Node(.sequence(items.map { project($0, selection) }), mark: node.mark)
        default:
            return node
        }
    }

    /// The first difference between two trees of the parser (shape, keys, scalars, marks), or nil.
    static func sameTree(_ lhs: Node, _ rhs: Node, path: String) -> String? {
        guard lhs.mark == rhs.mark else { return "\(path): mark \(lhs.mark) and \(rhs.mark)" }
        switch (lhs.content, rhs.content) {
        case (.scalar(let a), .scalar(let b)): return a == b ? nil : "\(path): \(a) and \(b)"
        case (.sequence(let a), .sequence(let b)):
            guard a.count == b.count else { return "\(path): \(a.count) and \(b.count) items" }
            return zip(a, b).enumerated().lazy.compactMap { sameTree($1.0, $1.1, path: "\(path)[\($0)]") }.first
        case (.mapping(let a), .mapping(let b)):
            guard a.map(\.key) == b.map(\.key), a.map(\.keyMark) == b.map(\.keyMark) else { return "\(path): keys \(a.map(\.key)) and \(b.map(\.key))" }
            return zip(a, b).lazy.compactMap { sameTree($0.value, $1.value, path: path + "." + $0.key) }.first
        default: return "\(path): different shapes"
        }
    }

    // MARK: Positions

    /// The offsets where the body's lines start.
    static func lineStarts(_ body: [UInt8]) -> [Int] {
        [0] + body.indices.filter { body[$0] == 0x0A }.map { $0 + 1 }
    }

    /// A problem with an error's position (a `.malformed` error at a line and column of the body,
    /// columns counted in bytes), or nil.
    static func misplaced(_ error: AdmissionReviewError, in body: [UInt8]) -> String? {
        guard case .malformed(let message) = error else { return "not .malformed: \(error)" }
        if message == "empty body" {
            let rest = body.starts(with: [0xEF, 0xBB, 0xBF]) ? body.dropFirst(3) : body[...]
            return rest.allSatisfy { [0x20, 0x09, 0x0A, 0x0D].contains($0) } ? nil : message
        }
        let parts = message.split(separator: " ")
        guard parts.count >= 6, parts[parts.count - 5] == "at", parts[parts.count - 4] == "line", parts[parts.count - 2] == "column",
              let line = Int(parts[parts.count - 3].dropLast()), let column = Int(parts[parts.count - 1]) else {
            return "no position: \(message)"
        }
        let starts = lineStarts(body)
        guard line >= 1, line <= starts.count, column >= 1 else { return "outside the body: \(message)" }
        let lineEnd = line < starts.count ? starts[line] - 1 : body.count
        return starts[line - 1] + column - 1 <= lineEnd ? nil : "outside the body: \(message)"
    }

    /// A node whose mark is not at its first byte (a key's not at its quote), or nil.
    static func marksMisplaced(_ root: Node, _ body: [UInt8]) -> String? {
        let starts = lineStarts(body)
        func offset(_ mark: SourceMark) -> Int? {
            guard mark.line >= 1, mark.line <= starts.count, mark.column >= 1 else { return nil }
            let offset = starts[mark.line - 1] + mark.column - 1
            return offset < body.count ? offset : nil
        }
        func check(_ node: Node, _ path: String) -> String? {
            guard let at = offset(node.mark) else { return "\(path): mark \(node.mark) outside the body" }
            switch node.content {
            case .mapping(let entries):
                guard body[at] == UInt8(ascii: "{") else { return "\(path): object's mark \(node.mark) not at '{'" }
                for entry in entries {
                    guard let keyAt = offset(entry.keyMark), body[keyAt] == UInt8(ascii: "\"") else { return "\(path): key \(entry.key)'s mark \(entry.keyMark) not at '\"'" }
                    if let problem = check(entry.value, path + "." + entry.key) { return problem }
                }
                return nil
            case .sequence(let items):
                guard body[at] == UInt8(ascii: "[") else { return "\(path): array's mark \(node.mark) not at '['" }
                return items.enumerated().lazy.compactMap { check($1, "\(path)[\($0)]") }.first
            case .scalar(let scalar):
                if !scalar.isPlain { return body[at] == UInt8(ascii: "\"") ? nil : "\(path): string's mark \(node.mark) not at '\"'" }
                return body[at...].starts(with: scalar.text.utf8) ? nil : "\(path): \(scalar.text)'s mark \(node.mark) not at its text"
            }
        }
        return check(root, "$")
    }

    // MARK: Reports

    /// The smallest body found (by deleting spans) for which `failing` still holds.
    static func minimized(_ body: [UInt8], _ failing: ([UInt8]) -> Bool) -> [UInt8] {
        var current = body
        var chunk = max(1, current.count / 2)
        var attempts = 0
        while attempts < 5_000 {
            var index = 0
            var progressed = false
            while index < current.count, attempts < 5_000 {
                attempts += 1
                var candidate = current
                candidate.removeSubrange(index..<min(current.count, index + chunk))
                if failing(candidate) { current = candidate; progressed = true } else { index += chunk }
            }
            if !progressed {
                if chunk == 1 { break }
                chunk /= 2
            }
        }
        return current
    }

    /// The bytes as a Swift string literal (`\u{…}` for control characters, `\x` bytes for invalid UTF-8).
    static func literal(_ bytes: [UInt8]) -> String {
        var text = "\""
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""): text += "\\\""
            case UInt8(ascii: "\\"): text += "\\\\"
            case 0x20..<0x7F: text.append(Character(Unicode.Scalar(byte)))
            default: text += "\\x" + String(byte, radix: 16, uppercase: true).leftPadded
            }
        }
        return text + "\" (\(bytes.count) bytes)"
    }

    static func describe(_ value: Any) -> String {
        switch value {
        case let object as [String: Any]: return "object of \(object.count) keys"
        case let array as [Any]: return "array of \(array.count)"
        case let string as String: return "string " + literal(Array(string.utf8))
        case let number as NSNumber: return "\(type(of: number)) \(number) (\(String(cString: number.objCType)))"
        case is NSNull: return "null"
        default: return "\(type(of: value))"
        }
    }

    static func summary(_ node: Node) -> String {
        switch node.content {
        case .mapping(let entries): "object of \(entries.count) members"
        case .sequence(let items): "array of \(items.count)"
        case .scalar(let scalar): scalar.isPlain ? scalar.text : "string " + literal(Array(scalar.text.utf8))
        }
    }
}

private typealias Agreement = Differential.Agreement

private extension String {
    var leftPadded: String { count < 2 ? "0" + self : self }
}
