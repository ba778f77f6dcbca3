import Foundation
import RampartRules
import Testing
import TestSupport

/// A rule's ID lives in its own file and nowhere else in the engines: modules outside the Rules
/// module (and the command line) refer to rules by typed values, never by spelling an ID, and every
/// ID spelled in the Rules module is one of the catalog (issue 14, "the rule as one unit").
@Suite struct RuleIDLiteralTests {
    static let sources = Fixtures.repositoryRoot.appendingPathComponent("Sources")
    static let ids = Set(Catalog.rules.map(\.metadata.id))
    /// The rule families of the catalog: `tenancy`, `netpol`, `pss`…
    static let families = Set(ids.compactMap { $0.split(separator: ".").first.map(String.init) })

    /// Every Swift file under `Sources`, with its path relative to it.
    static func files() -> [(path: String, url: URL)] {
        Fixtures.files(under: sources, extensions: ["swift"]).map { url in
            (String(url.standardizedFileURL.path.dropFirst(sources.standardizedFileURL.path.count + 1)), url)
        }
    }

    static func inRules(_ path: String) -> Bool { path.hasPrefix("RampartRules/") }
    static func inCommandLine(_ path: String) -> Bool { path.hasPrefix("rampart/") }

    @Test func sourcesAreFound() {
        let paths = Self.files().map(\.path)
        #expect(paths.contains("RampartTenancy/TenancyAnalysis.swift"))
        #expect(paths.contains { Self.inRules($0) })
        #expect(Self.ids.contains("tenancy.shared-nodes") && Self.families.contains("netpol"))
    }

    @Test func noModuleOutsideTheRulesSpellsARuleID() throws {
        for file in Self.files() where !Self.inRules(file.path) && !Self.inCommandLine(file.path) {
            let scan = SwiftStringLiterals(try String(contentsOf: file.url, encoding: .utf8))
            #expect(scan.isComplete, "Sources/\(file.path): the scan ended inside a string or comment")
            for literal in scan.literals where Self.ids.contains(literal.text) {
                Issue.record("Sources/\(file.path):\(literal.line) spells rule ID \"\(literal.text)\": refer to the rule by a typed value the Rules module maps to it")
            }
        }
    }

    @Test func everyRuleIDTheRulesSpellIsInTheCatalog() throws {
        var spelled: Set<String> = []
        for file in Self.files() where Self.inRules(file.path) {
            let scan = SwiftStringLiterals(try String(contentsOf: file.url, encoding: .utf8))
            #expect(scan.isComplete, "Sources/\(file.path): the scan ended inside a string or comment")
            for literal in scan.literals where Self.looksLikeRuleID(literal.text) {
                spelled.insert(literal.text)
                #expect(Self.ids.contains(literal.text), "Sources/\(file.path):\(literal.line) spells \"\(literal.text)\", which is no rule of the catalog")
            }
        }
        #expect(spelled.isSuperset(of: Self.ids), "rules whose ID is not spelled in their own file: \(Self.ids.subtracting(spelled).sorted())")
    }

    /// `family.kebab-name` with a family of the catalog.
    static func looksLikeRuleID(_ text: String) -> Bool {
        guard text.wholeMatch(of: /[a-z]+\.[a-z0-9]+(-[a-z0-9]+)*/) != nil, let family = text.split(separator: ".").first else { return false }
        return families.contains(String(family))
    }

    @Test func theScanReadsLiteralsNotCommentsOrInterpolations() {
        let scan = SwiftStringLiterals(#"""
            // "netpol.no-default-deny" in a comment
            /* "pss.privileged" /* nested */ still a comment */
            let a = "tenancy.shared-nodes"
            let b = "x \(f("rbac.cluster-admin")) y"
            let c = #"raw "quoted" \(not interpolated)"#
            let d = """
                multi "line"
                """
            let e = "escaped \"quote\" and \\"
            """#)
        #expect(scan.isComplete)
        #expect(scan.literals.map(\.text) == ["tenancy.shared-nodes", "rbac.cluster-admin", "x  y", #"raw "quoted" \(not interpolated)"#,
                                              "multi \"line\"", "escaped \"quote\" and \\"])
        #expect(scan.literals.map(\.line) == [3, 4, 4, 5, 7, 9])
    }
}

/// The string literals of Swift source: their text without interpolations (escapes kept as written,
/// `\"` and `\\` decoded), and the line each starts on. Comments are skipped; literals inside an
/// interpolation are literals too.
struct SwiftStringLiterals {
    struct Literal {
        var text: String
        var line: Int
    }

    private(set) var literals: [Literal] = []
    /// False when the source ended inside a string, a comment or an interpolation.
    private(set) var isComplete = true
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1

    init(_ source: String) {
        bytes = Array(source.utf8)
        code(inInterpolation: false)
    }

    private func byte(_ offset: Int = 0) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    private mutating func advance() {
        if bytes[index] == UInt8(ascii: "\n") { line += 1 }
        index += 1
    }

    /// Code up to the end, or up to the `)` that closes an interpolation.
    private mutating func code(inInterpolation: Bool) {
        var depth = 0
        while let current = byte() {
            switch current {
            case UInt8(ascii: "/") where byte(1) == UInt8(ascii: "/"):
                while let next = byte(), next != UInt8(ascii: "\n") { advance() }
            case UInt8(ascii: "/") where byte(1) == UInt8(ascii: "*"):
                blockComment()
            case UInt8(ascii: "\""), UInt8(ascii: "#"):
                var hashes = 0
                while byte(hashes) == UInt8(ascii: "#") { hashes += 1 }
                if byte(hashes) == UInt8(ascii: "\"") {
                    index += hashes
                    string(hashes: hashes)
                } else {
                    index += max(hashes, 1)
                }
            case UInt8(ascii: "("):
                depth += 1
                advance()
            case UInt8(ascii: ")"):
                advance()
                if inInterpolation {
                    if depth == 0 { return }
                    depth -= 1
                }
            default:
                advance()
            }
        }
        if inInterpolation { isComplete = false }
    }

    private mutating func blockComment() {
        var depth = 0
        while let current = byte() {
            if current == UInt8(ascii: "/"), byte(1) == UInt8(ascii: "*") {
                depth += 1
                index += 2
            } else if current == UInt8(ascii: "*"), byte(1) == UInt8(ascii: "/") {
                depth -= 1
                index += 2
                if depth == 0 { return }
            } else {
                advance()
            }
        }
        isComplete = false
    }

    /// A string literal whose opening quote is at `index`, after `hashes` `#`.
    private mutating func string(hashes: Int) {
        let start = line
        let multiline = byte(1) == UInt8(ascii: "\"") && byte(2) == UInt8(ascii: "\"")
        index += multiline ? 3 : 1
        if multiline {
            // The content starts on the line after the opening delimiter.
            while let next = byte(), next != UInt8(ascii: "\n") { advance() }
            if byte() != nil { advance() }
        }
        var text: [UInt8] = []
        while let current = byte() {
            if current == UInt8(ascii: "\\"), (1...max(hashes, 1)).allSatisfy({ hashes == 0 || byte($0) == UInt8(ascii: "#") }) {
                let escaped = index + 1 + hashes
                guard escaped < bytes.count else { break }
                index = escaped
                if bytes[escaped] == UInt8(ascii: "(") {
                    advance()
                    code(inInterpolation: true)
                } else {
                    if bytes[escaped] == UInt8(ascii: "\"") || bytes[escaped] == UInt8(ascii: "\\") {
                        text.append(bytes[escaped])
                    } else {
                        text += [UInt8(ascii: "\\"), bytes[escaped]]
                    }
                    advance()
                }
            } else if current == UInt8(ascii: "\""), closes(multiline: multiline, hashes: hashes) {
                index += (multiline ? 3 : 1) + hashes
                var content = String(decoding: text, as: UTF8.self)
                if multiline { content = Self.dedented(content) }
                literals.append(Literal(text: content, line: multiline ? start + 1 : start))
                return
            } else {
                text.append(current)
                advance()
            }
        }
        isComplete = false
    }

    private func closes(multiline: Bool, hashes: Int) -> Bool {
        let quotes = multiline ? 3 : 1
        return (0..<quotes).allSatisfy { byte($0) == UInt8(ascii: "\"") } && (0..<hashes).allSatisfy { byte(quotes + $0) == UInt8(ascii: "#") }
    }

    /// A multi-line literal's lines without the indentation of its closing delimiter, and without
    /// the line break before it.
    private static func dedented(_ content: String) -> String {
        var lines = content.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let indentation = lines.last.map { $0.prefix { $0 == " " }.count } ?? 0
        lines.removeLast()
        return lines.map { String($0.dropFirst(min(indentation, $0.prefix { $0 == " " }.count))) }.joined(separator: "\n")
    }
}
