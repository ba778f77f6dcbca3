/// The escaping rules of Go's `net/url` (`shouldEscape`, `escape`, `unescape`), per URL part, with
/// their error texts. Works on bytes, as Go does.
enum GoURLEscaping {
    /// The URL part a byte string belongs to.
    enum Mode: Int, CaseIterable, Sendable {
        case path, pathSegment, host, zone, userPassword, queryComponent, fragment
    }

    /// `shouldEscape` for every mode and byte, computed once.
    private static let escapeTable: [[Bool]] = Mode.allCases.map { mode in
        (0...255).map { computeShouldEscape(UInt8($0), mode) }
    }

    /// A bad `%` escape or a byte a host cannot hold; `text` is Go's error text.
    struct Failure: Error {
        let text: String
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// Whether `byte` must be written as `%XX` in `mode` (RFC 3986 as Go applies it).
    static func shouldEscape(_ byte: UInt8, _ mode: Mode) -> Bool {
        escapeTable[mode.rawValue][Int(byte)]
    }

    private static func computeShouldEscape(_ byte: UInt8, _ mode: Mode) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return false
        default:
            break
        }
        if mode == .host || mode == .zone {
            switch byte {
            case UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("),
                 UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"),
                 UInt8(ascii: "="), UInt8(ascii: ":"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "<"),
                 UInt8(ascii: ">"), UInt8(ascii: "\""):
                return false
            default:
                break
            }
        }
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
            return false
        case UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: "/"),
             UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: "?"), UInt8(ascii: "@"):
            switch mode {
            case .path: return byte == UInt8(ascii: "?")
            case .pathSegment:
                return byte == UInt8(ascii: "/") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "?")
            case .userPassword:
                return byte == UInt8(ascii: "@") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: ":")
            case .queryComponent: return true
            case .fragment: return false
            case .host, .zone: break
            }
        default:
            break
        }
        if mode == .fragment {
            switch byte {
            case UInt8(ascii: "!"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"):
                return false
            default:
                break
            }
        }
        return true
    }

    private static let upperHex = Array("0123456789ABCDEF".utf8)

    /// `text` with every byte that `mode` does not allow written as `%XX` (a space as `+` in a query
    /// component).
    static func escape(_ text: some Collection<UInt8>, _ mode: Mode) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(text.count)
        for byte in text {
            if byte == UInt8(ascii: " ") && mode == .queryComponent {
                result.append(UInt8(ascii: "+"))
            } else if shouldEscape(byte, mode) {
                result.append(UInt8(ascii: "%"))
                result.append(upperHex[Int(byte >> 4)])
                result.append(upperHex[Int(byte & 15)])
            } else {
                result.append(byte)
            }
        }
        return result
    }

    /// `text` with its `%XX` escapes decoded (and `+` as a space in a query component); Go's errors for
    /// a bad escape and for bytes a host may not contain.
    static func unescape(_ text: ArraySlice<UInt8>, _ mode: Mode) throws(Failure) -> [UInt8] {
        var index = text.startIndex
        while index < text.endIndex {
            let byte = text[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < text.endIndex, let high = hexValue(text[index + 1]), let low = hexValue(text[index + 2]) else {
                    throw escapeError(text[index..<min(index + 3, text.endIndex)])
                }
                let escape = text[index..<(index + 3)]
                let isPercent = escape.elementsEqual("%25".utf8)
                if mode == .host && high < 8 && !isPercent { throw escapeError(escape) }
                if mode == .zone {
                    let value = high << 4 | low
                    if !isPercent && value != UInt8(ascii: " ") && shouldEscape(value, .host) { throw escapeError(escape) }
                }
                index += 3
            } else {
                if (mode == .host || mode == .zone) && byte < 0x80 && shouldEscape(byte, mode) {
                    throw Failure(text: "invalid character " + GoQuote.quote(String(decoding: [byte], as: UTF8.self)) + " in host name")
                }
                index += 1
            }
        }
        var result: [UInt8] = []
        result.reserveCapacity(text.count)
        index = text.startIndex
        while index < text.endIndex {
            let byte = text[index]
            if byte == UInt8(ascii: "%"), let high = hexValue(text[index + 1]), let low = hexValue(text[index + 2]) {
                result.append(high << 4 | low)
                index += 3
            } else {
                result.append(byte == UInt8(ascii: "+") && mode == .queryComponent ? UInt8(ascii: " ") : byte)
                index += 1
            }
        }
        return result
    }

    private static func escapeError(_ escape: ArraySlice<UInt8>) -> Failure {
        Failure(text: "invalid URL escape " + GoQuote.quote(bytes: escape))
    }
}
