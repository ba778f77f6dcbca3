/// The CEL standard library: operators, size, string predicates, conversions, time accessors.
enum StandardLibrary {
    static func register(_ r: inout FunctionRegistry) {
        r.global("_+_", Arithmetic.add)
        r.global("_-_", Arithmetic.subtract)
        r.global("_*_", Arithmetic.multiply)
        r.global("_/_", Arithmetic.divide)
        r.global("_%_", Arithmetic.modulo)
        r.global("-_", Arithmetic.negate)
        for op in ["_<_", "_<=_", "_>_", "_>=_"] { r.global(op, Operations.relation(op)) }
        r.global("_==_") { (a, b) throws(CELEvaluationError) in .bool(Operations.equals(a, b)) }
        r.global("_!=_") { (a, b) throws(CELEvaluationError) in .bool(!Operations.equals(a, b)) }
        r.global("!_") { (a) throws(CELEvaluationError) in
            guard case .bool(let b) = a else { throw .noSuchOverload("!_") }
            return .bool(!b)
        }
        r.global("@in") { (element, container) throws(CELEvaluationError) in try Operations.contains(container, element) }
        r.global("_[_]", Operations.index)
        r.global("_[?_]", Operations.optionalIndex)
        r.global("_?._", Operations.optionalSelect)
        r.global("@mapInsert", arity: 3) { (args) throws(CELEvaluationError) in
            guard case .map(var map) = args[0] else { throw .noSuchOverload("@mapInsert") }
            guard map.insert(args[1], args[2]) else { throw CELEvaluationError("unsupported key type") }
            return .map(map)
        }
        r.both("size", size)
        r.member("contains") { (s, t) throws(CELEvaluationError) in
            let (a, b) = try strings(s, t, "contains")
            return .bool(b.isEmpty || a.utf8.firstRange(of: b.utf8) != nil)
        }
        r.member("startsWith") { (s, t) throws(CELEvaluationError) in
            let (a, b) = try strings(s, t, "startsWith")
            return .bool(a.utf8.starts(with: b.utf8))
        }
        r.member("endsWith") { (s, t) throws(CELEvaluationError) in
            let (a, b) = try strings(s, t, "endsWith")
            return .bool(a.utf8.reversed().starts(with: b.utf8.reversed()))
        }
        r.both("matches") { (s, p) throws(CELEvaluationError) in
            let (text, pattern) = try strings(s, p, "matches")
            return .bool(try RegexSupport.compile(pattern).matches(text))
        }
        Conversions.register(&r)
        for name in ["getFullYear", "getMonth", "getDate", "getDayOfMonth", "getDayOfWeek", "getDayOfYear",
                     "getHours", "getMinutes", "getSeconds", "getMilliseconds"] {
            r.member(name) { (t) throws(CELEvaluationError) in
                switch t {
                case .timestamp(let ts): return try TimeSupport.field(name, of: ts, zone: nil)
                case .duration(let d) where ["getHours", "getMinutes", "getSeconds", "getMilliseconds"].contains(name):
                    return TimeSupport.field(name, of: d)
                default: throw .noSuchOverload(name)
                }
            }
            r.member(name) { (t, zone) throws(CELEvaluationError) in
                guard case .timestamp(let ts) = t, case .string(let z) = zone else { throw .noSuchOverload(name) }
                return try TimeSupport.field(name, of: ts, zone: z)
            }
        }
    }

    static func size(_ value: CELValue) throws(CELEvaluationError) -> CELValue {
        switch value {
        case .string(let s): .int(Int64(s.unicodeScalars.count))
        case .bytes(let b): .int(Int64(b.count))
        case .list(let l): .int(Int64(l.count))
        case .map(let m): .int(Int64(m.count))
        default: throw .noSuchOverload("size")
        }
    }

    static func strings(_ a: CELValue, _ b: CELValue, _ function: String) throws(CELEvaluationError) -> (String, String) {
        guard case .string(let x) = a, case .string(let y) = b else { throw .noSuchOverload(function) }
        return (x, y)
    }
}
