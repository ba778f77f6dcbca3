import Foundation

/// `string.format(list)`: printf-like clauses `%s %d %f %e %b %o %x %X %%`, with an optional precision.
enum StringFormat {
    static func format(_ template: String, _ args: [CELValue]) throws(CELEvaluationError) -> String {
        var out = ""
        let scalars = Array(template.unicodeScalars)
        var i = 0, next = 0
        while i < scalars.count {
            let c = scalars[i]
            guard c == "%" else {
                out.unicodeScalars.append(c)
                i += 1
                continue
            }
            i += 1
            guard i < scalars.count else { throw CELEvaluationError("could not parse formatting clause: unexpected end of string") }
            if scalars[i] == "%" {
                out += "%"
                i += 1
                continue
            }
            var precision: Int?
            if scalars[i] == "." {
                i += 1
                var digits = 0
                while i < scalars.count, scalars[i].isASCIIDigit {
                    digits = min(digits * 10 + Int(scalars[i].value - 48), 1000)
                    i += 1
                }
                precision = digits
            }
            guard i < scalars.count else { throw CELEvaluationError("could not parse formatting clause: unexpected end of string") }
            let verb = scalars[i]
            i += 1
            guard "sdfebxXo".unicodeScalars.contains(verb) else {
                throw CELEvaluationError("could not parse formatting clause: unrecognized formatting clause \"\(verb)\"")
            }
            guard next < args.count else { throw CELEvaluationError("index \(next) out of range") }
            let arg = args[next]
            next += 1
            out += try clause(verb, precision, arg)
        }
        return out
    }

    private static func clause(_ verb: Unicode.Scalar, _ precision: Int?, _ arg: CELValue) throws(CELEvaluationError) -> String {
        switch verb {
        case "s": return try text(arg)
        case "d":
            switch arg {
            case .int(let v): return String(v)
            case .uint(let v): return String(v)
            case .double(let d) where !d.isFinite: return special(d)
            default: throw CELEvaluationError("error during formatting: decimal clause can only be used on integers, was given \(arg.celType)")
            }
        case "f", "e":
            let d: Double
            switch arg {
            case .double(let v): d = v
            case .int(let v): d = Double(v)
            case .uint(let v): d = Double(v)
            default:
                throw CELEvaluationError("error during formatting: \(verb == "f" ? "fixed-point" : "scientific") clause can only be used on doubles, was given \(arg.celType)")
            }
            if !d.isFinite { return special(d) }
            return String(format: "%.\(precision ?? 6)\(verb)", d)
        case "b":
            switch arg {
            case .int(let v): return v < 0 ? "-" + String(v.magnitude, radix: 2) : String(v, radix: 2)
            case .uint(let v): return String(v, radix: 2)
            case .bool(let b): return b ? "1" : "0"
            default: throw CELEvaluationError("error during formatting: only integers and bools can be formatted as binary, was given \(arg.celType)")
            }
        case "o":
            switch arg {
            case .int(let v): return v < 0 ? "-" + String(v.magnitude, radix: 8) : String(v, radix: 8)
            case .uint(let v): return String(v, radix: 8)
            default: throw CELEvaluationError("error during formatting: octal clause can only be used on integers, was given \(arg.celType)")
            }
        default: // x, X
            let upper = verb == "X"
            let hex: String
            switch arg {
            case .int(let v): hex = v < 0 ? "-" + String(v.magnitude, radix: 16) : String(v, radix: 16)
            case .uint(let v): hex = String(v, radix: 16)
            case .string(let s): hex = s.utf8.map { byteHex($0) }.joined()
            case .bytes(let b): hex = b.map { byteHex($0) }.joined()
            default:
                throw CELEvaluationError("error during formatting: only integers, byte buffers, and strings can be formatted as hex, was given \(arg.celType)")
            }
            return upper ? hex.uppercased() : hex
        }
    }

    private static func byteHex(_ b: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(b >> 4)], digits[Int(b & 15)]])
    }

    private static func special(_ d: Double) -> String {
        d.isNaN ? "NaN" : d < 0 ? "-Infinity" : "Infinity"
    }

    /// The `%s` text of a value; lists and maps show their elements, map entries sorted by key text.
    static func text(_ value: CELValue) throws(CELEvaluationError) -> String {
        switch value {
        case .string(let s): return s
        case .bytes(let b): return String(decoding: b, as: UTF8.self)
        case .int(let v): return String(v)
        case .uint(let v): return String(v)
        case .double(let d):
            if !d.isFinite { return special(d) }
            return Formatting.double(d)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .timestamp(let t): return TimeSupport.format(t)
        case .duration(let d): return TimeSupport.format(d)
        case .type(let t): return t.runtimeName
        case .list(let list):
            var parts: [String] = []
            for element in list { parts.append(try text(element)) }
            return "[" + parts.joined(separator: ", ") + "]"
        case .map(let map):
            var parts: [(String, String)] = []
            for (key, v) in map.entries { parts.append((try text(key), try text(v))) }
            parts.sort { $0.0 < $1.0 }
            return "{" + parts.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + "}"
        case .optional(let inner):
            guard let inner else { return "optional.none()" }
            return "optional.of(\(try text(inner)))"
        case .opaque(let o): return o.description
        }
    }
}
