/// Type conversions: int(), uint(), double(), string(), bytes(), bool(), timestamp(), duration(), type(), dyn().
enum Conversions {
    static func register(_ r: inout FunctionRegistry) {
        r.global("int", toInt)
        r.global("uint", toUInt)
        r.global("double", toDouble)
        r.global("string", toString)
        r.global("bytes") { (v) throws(CELEvaluationError) in
            switch v {
            case .bytes: return v
            case .string(let s): return .bytes(Array(s.utf8))
            default: throw .noSuchOverload("bytes")
            }
        }
        r.global("bool") { (v) throws(CELEvaluationError) in
            switch v {
            case .bool: return v
            case .string(let s):
                switch s {
                case "1", "t", "T", "TRUE", "true", "True": return .bool(true)
                case "0", "f", "F", "FALSE", "false", "False": return .bool(false)
                default: throw CELEvaluationError("Type conversion error from 'string' to 'bool'")
                }
            default: throw .noSuchOverload("bool")
            }
        }
        r.global("timestamp") { (v) throws(CELEvaluationError) in
            switch v {
            case .timestamp: return v
            case .string(let s):
                guard let t = TimeSupport.parseTimestamp(s) else { throw CELEvaluationError("timestamp out of range or invalid: \(s)") }
                return .timestamp(t)
            case .int(let seconds):
                let t = CELTimestamp(seconds: seconds)
                guard t.isValid else { throw CELEvaluationError("timestamp out of range") }
                return .timestamp(t)
            default: throw .noSuchOverload("timestamp")
            }
        }
        r.global("duration") { (v) throws(CELEvaluationError) in
            switch v {
            case .duration: return v
            case .string(let s):
                guard let d = TimeSupport.parseDuration(s) else { throw CELEvaluationError("invalid duration or out of range: \(s)") }
                return .duration(d)
            default: throw .noSuchOverload("duration")
            }
        }
        r.global("dyn") { (v) throws(CELEvaluationError) in v }
        r.global("type") { (v) throws(CELEvaluationError) in .type(v.celType) }
    }

    static func toInt(_ v: CELValue) throws(CELEvaluationError) -> CELValue {
        switch v {
        case .int: return v
        case .uint(let u):
            guard u <= UInt64(Int64.max) else { throw CELEvaluationError("range error converting \(u) to int") }
            return .int(Int64(u))
        case .double(let d):
            guard d.isFinite, d > -9.223372036854775808e18, d < 9.223372036854775808e18 else {
                throw CELEvaluationError("range error converting \(d) to int")
            }
            return .int(Int64(d))
        case .string(let s):
            guard let i = Int64(s) else { throw CELEvaluationError("cannot convert '\(s)' to int") }
            return .int(i)
        case .timestamp(let t): return .int(t.seconds)
        default: throw .noSuchOverload("int")
        }
    }

    static func toUInt(_ v: CELValue) throws(CELEvaluationError) -> CELValue {
        switch v {
        case .uint: return v
        case .int(let i):
            guard i >= 0 else { throw CELEvaluationError("range error converting \(i) to uint") }
            return .uint(UInt64(i))
        case .double(let d):
            guard d.isFinite, d > -1, d < 1.8446744073709551616e19 else { throw CELEvaluationError("range error converting \(d) to uint") }
            return .uint(UInt64(d))
        case .string(let s):
            // Go's ParseUint takes no sign.
            guard !s.hasPrefix("+"), let u = UInt64(s) else { throw CELEvaluationError("cannot convert '\(s)' to uint") }
            return .uint(u)
        default: throw .noSuchOverload("uint")
        }
    }

    static func toDouble(_ v: CELValue) throws(CELEvaluationError) -> CELValue {
        switch v {
        case .double: return v
        case .int(let i): return .double(Double(i))
        case .uint(let u): return .double(Double(u))
        case .string(let s):
            guard let d = parseDouble(s) else { throw CELEvaluationError("cannot convert '\(s)' to double") }
            return .double(d)
        default: throw .noSuchOverload("double")
        }
    }

    /// Go's strconv.ParseFloat forms: decimal, exponent, `NaN`, `Inf`, `Infinity` (any case, signed).
    static func parseDouble(_ s: String) -> Double? {
        let lower = s.lowercased()
        let unsigned = lower.hasPrefix("+") || lower.hasPrefix("-") ? String(lower.dropFirst()) : lower
        switch unsigned {
        case "inf", "infinity": return lower.hasPrefix("-") ? -.infinity : .infinity
        case "nan": return .nan
        default: break
        }
        guard !unsigned.isEmpty, unsigned.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "e" || $0 == "+" || $0 == "-" || $0 == "_") }) else {
            return nil
        }
        return Double(s)
    }

    static func toString(_ v: CELValue) throws(CELEvaluationError) -> CELValue {
        switch v {
        case .string: return v
        case .int(let i): return .string(String(i))
        case .uint(let u): return .string(String(u))
        case .double(let d): return .string(Formatting.double(d))
        case .bool(let b): return .string(b ? "true" : "false")
        case .bytes(let b):
            guard let s = String(validating: b, as: UTF8.self) else { throw CELEvaluationError("invalid UTF-8 in bytes, cannot convert to string") }
            return .string(s)
        case .timestamp(let t): return .string(TimeSupport.format(t))
        case .duration(let d): return .string(TimeSupport.format(d))
        case .opaque(let o): return .string(o.description)
        default: throw .noSuchOverload("string")
        }
    }
}
