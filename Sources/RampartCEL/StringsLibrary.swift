/// cel-go's strings extension (version 2): indexes and lengths are in Unicode code points.
enum StringsLibrary {
    static func register(_ r: inout FunctionRegistry) {
        r.member("charAt") { (s, i) throws(CELEvaluationError) in
            guard case .string(let text) = s, case .int(let index) = i else { throw .noSuchOverload("charAt") }
            let scalars = Array(text.unicodeScalars)
            guard index >= 0 && index <= scalars.count else { throw CELEvaluationError("index out of range: \(index)") }
            return .string(index == scalars.count ? "" : String(scalars[Int(index)]))
        }
        r.member("indexOf") { (s, t) throws(CELEvaluationError) in try indexOf(s, t, .int(0), last: false, defaultOffset: true) }
        r.member("indexOf", arity: 3) { (a) throws(CELEvaluationError) in try indexOf(a[0], a[1], a[2], last: false, defaultOffset: false) }
        r.member("lastIndexOf") { (s, t) throws(CELEvaluationError) in try indexOf(s, t, .int(-1), last: true, defaultOffset: true) }
        r.member("lastIndexOf", arity: 3) { (a) throws(CELEvaluationError) in try indexOf(a[0], a[1], a[2], last: true, defaultOffset: false) }
        r.member("lowerAscii") { (s) throws(CELEvaluationError) in
            guard case .string(let text) = s else { throw .noSuchOverload("lowerAscii") }
            return .string(String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value >= 65 && $0.value <= 90 ? Unicode.Scalar(UInt8($0.value + 32)) : $0 })))
        }
        r.member("upperAscii") { (s) throws(CELEvaluationError) in
            guard case .string(let text) = s else { throw .noSuchOverload("upperAscii") }
            return .string(String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value >= 97 && $0.value <= 122 ? Unicode.Scalar(UInt8($0.value - 32)) : $0 })))
        }
        r.member("replace", arity: 3) { (a) throws(CELEvaluationError) in try replace(a[0], a[1], a[2], .int(-1)) }
        r.member("replace", arity: 4) { (a) throws(CELEvaluationError) in try replace(a[0], a[1], a[2], a[3]) }
        r.member("split") { (s, sep) throws(CELEvaluationError) in try split(s, sep, .int(-1)) }
        r.member("split", arity: 3) { (a) throws(CELEvaluationError) in try split(a[0], a[1], a[2]) }
        r.member("substring") { (s, start) throws(CELEvaluationError) in
            guard case .string(let text) = s else { throw .noSuchOverload("substring") }
            return try substring(s, start, .int(Int64(text.unicodeScalars.count)))
        }
        r.member("substring", arity: 3) { (a) throws(CELEvaluationError) in try substring(a[0], a[1], a[2]) }
        r.member("trim") { (s) throws(CELEvaluationError) in
            guard case .string(let text) = s else { throw .noSuchOverload("trim") }
            let scalars = Array(text.unicodeScalars)
            guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
                  let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return .string("") }
            return .string(String(String.UnicodeScalarView(scalars[first...last])))
        }
        r.member("join") { (l) throws(CELEvaluationError) in try join(l, .string("")) }
        r.member("join", join)
        r.global("strings.quote") { (s) throws(CELEvaluationError) in
            guard case .string(let text) = s else { throw .noSuchOverload("strings.quote") }
            return .string(quote(text))
        }
        r.member("format") { (s, args) throws(CELEvaluationError) in
            guard case .string(let text) = s, case .list(let list) = args else { throw .noSuchOverload("format") }
            return .string(try StringFormat.format(text, list))
        }
    }

    private static func indexOf(_ s: CELValue, _ t: CELValue, _ o: CELValue, last: Bool, defaultOffset: Bool) throws(CELEvaluationError) -> CELValue {
        guard case .string(let text) = s, case .string(let sub) = t, case .int(var offset) = o else {
            throw .noSuchOverload(last ? "lastIndexOf" : "indexOf")
        }
        let runes = Array(text.unicodeScalars), subRunes = Array(sub.unicodeScalars)
        if defaultOffset && last { offset = Int64(runes.count) }
        if subRunes.isEmpty { return .int(offset) }
        if !defaultOffset {
            guard offset >= 0 && offset < runes.count else { throw CELEvaluationError("index out of range: \(offset)") }
        }
        let limit = runes.count - subRunes.count
        if last {
            var i = min(Int(offset), limit)
            while i >= 0 {
                if runes[i..<(i + subRunes.count)].elementsEqual(subRunes) { return .int(Int64(i)) }
                i -= 1
            }
        } else {
            var i = Int(offset)
            while i <= limit {
                if runes[i..<(i + subRunes.count)].elementsEqual(subRunes) { return .int(Int64(i)) }
                i += 1
            }
        }
        return .int(-1)
    }

    private static func replace(_ s: CELValue, _ o: CELValue, _ n: CELValue, _ c: CELValue) throws(CELEvaluationError) -> CELValue {
        guard case .string(let text) = s, case .string(let old) = o, case .string(let new) = n, case .int(let count) = c else {
            throw .noSuchOverload("replace")
        }
        if count == 0 { return s }
        let runes = Array(text.unicodeScalars), oldRunes = Array(old.unicodeScalars)
        // The only string function whose output can outgrow its inputs many times: refuse a result
        // past ten times the cost limit before building it.
        var replacements = oldRunes.isEmpty ? runes.count + 1 : runes.count / oldRunes.count
        if count > 0 { replacements = min(replacements, Int(clamping: count)) }
        let growth = replacements.multipliedReportingOverflow(by: new.unicodeScalars.count)
        if growth.overflow || growth.partialValue > 10 * CELCost.perCallLimit { throw .costLimitExceeded }
        var out = String.UnicodeScalarView()
        var replaced: Int64 = 0
        var i = 0
        while i <= runes.count {
            let canReplace = count < 0 || replaced < count
            if canReplace, oldRunes.isEmpty {
                out.append(contentsOf: new.unicodeScalars)
                replaced += 1
                if i < runes.count { out.append(runes[i]) }
                i += 1
                continue
            }
            if i == runes.count { break }
            if canReplace, i + oldRunes.count <= runes.count, runes[i..<(i + oldRunes.count)].elementsEqual(oldRunes) {
                out.append(contentsOf: new.unicodeScalars)
                replaced += 1
                i += oldRunes.count
            } else {
                out.append(runes[i])
                i += 1
            }
        }
        return .string(String(out))
    }

    private static func split(_ s: CELValue, _ p: CELValue, _ n: CELValue) throws(CELEvaluationError) -> CELValue {
        guard case .string(let text) = s, case .string(let separator) = p, case .int(let limit) = n else { throw .noSuchOverload("split") }
        if limit == 0 { return .list([]) }
        let runes = Array(text.unicodeScalars), sep = Array(separator.unicodeScalars)
        var parts: [CELValue] = []
        func piece(_ slice: ArraySlice<Unicode.Scalar>) -> CELValue { .string(String(String.UnicodeScalarView(slice))) }
        if sep.isEmpty {
            for (index, rune) in runes.enumerated() {
                if limit > 0 && parts.count == limit - 1 {
                    parts.append(piece(runes[index...]))
                    return .list(parts)
                }
                parts.append(.string(String(rune)))
            }
            return .list(parts)
        }
        var start = 0, i = 0
        while i + sep.count <= runes.count {
            if limit > 0 && parts.count == limit - 1 { break }
            if runes[i..<(i + sep.count)].elementsEqual(sep) {
                parts.append(piece(runes[start..<i]))
                i += sep.count
                start = i
            } else {
                i += 1
            }
        }
        parts.append(piece(runes[start...]))
        return .list(parts)
    }

    private static func substring(_ s: CELValue, _ a: CELValue, _ b: CELValue) throws(CELEvaluationError) -> CELValue {
        guard case .string(let text) = s, case .int(let start) = a, case .int(let end) = b else { throw .noSuchOverload("substring") }
        let runes = Array(text.unicodeScalars)
        guard start >= 0 && start <= runes.count else { throw CELEvaluationError("index out of range: \(start)") }
        guard end >= 0 && end <= runes.count else { throw CELEvaluationError("index out of range: \(end)") }
        guard start <= end else { throw CELEvaluationError("invalid substring range. start: \(start), end: \(end)") }
        return .string(String(String.UnicodeScalarView(runes[Int(start)..<Int(end)])))
    }

    private static func join(_ l: CELValue, _ s: CELValue) throws(CELEvaluationError) -> CELValue {
        guard case .list(let list) = l, case .string(let separator) = s else { throw .noSuchOverload("join") }
        var parts: [String] = []
        for element in list {
            guard case .string(let text) = element else { throw .noSuchOverload("join") }
            parts.append(text)
        }
        return .string(parts.joined(separator: separator))
    }

    /// A double-quoted CEL string literal of the text.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\u{07}": out += "\\a"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{0B}": out += "\\v"
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
