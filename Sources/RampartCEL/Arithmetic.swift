/// CEL arithmetic: int and uint overflow is an error, double follows IEEE 754.
enum Arithmetic {
    static func add(_ a: CELValue, _ b: CELValue) throws(CELEvaluationError) -> CELValue {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            let (r, o) = x.addingReportingOverflow(y)
            if o { throw .overflow }
            return .int(r)
        case (.uint(let x), .uint(let y)):
            let (r, o) = x.addingReportingOverflow(y)
            if o { throw .uintOverflow }
            return .uint(r)
        case (.double(let x), .double(let y)): return .double(x + y)
        case (.string(let x), .string(let y)): return .string(x + y)
        case (.bytes(let x), .bytes(let y)): return .bytes(x + y)
        case (.list(let x), .list(let y)): return .list(x + y)
        case (.timestamp(let t), .duration(let d)), (.duration(let d), .timestamp(let t)):
            guard let r = CELTimestamp(totalNanos: t.totalNanos + d.totalNanos) else { throw CELEvaluationError("timestamp out of range") }
            return .timestamp(r)
        case (.duration(let x), .duration(let y)):
            guard let r = CELDuration(totalNanos: x.totalNanos + y.totalNanos) else { throw CELEvaluationError("duration out of range") }
            return .duration(r)
        default: throw .noSuchOverload("_+_")
        }
    }

    static func subtract(_ a: CELValue, _ b: CELValue) throws(CELEvaluationError) -> CELValue {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            let (r, o) = x.subtractingReportingOverflow(y)
            if o { throw .overflow }
            return .int(r)
        case (.uint(let x), .uint(let y)):
            let (r, o) = x.subtractingReportingOverflow(y)
            if o { throw .uintOverflow }
            return .uint(r)
        case (.double(let x), .double(let y)): return .double(x - y)
        case (.timestamp(let x), .timestamp(let y)):
            // The difference is a Go time.Duration in cel-go: it must fit 64-bit nanoseconds.
            let difference = x.totalNanos - y.totalNanos
            guard difference >= Int128(Int64.min), difference <= Int128(Int64.max),
                  let r = CELDuration(totalNanos: difference) else { throw CELEvaluationError("duration out of range") }
            return .duration(r)
        case (.timestamp(let t), .duration(let d)):
            guard let r = CELTimestamp(totalNanos: t.totalNanos - d.totalNanos) else { throw CELEvaluationError("timestamp out of range") }
            return .timestamp(r)
        case (.duration(let x), .duration(let y)):
            guard let r = CELDuration(totalNanos: x.totalNanos - y.totalNanos) else { throw CELEvaluationError("duration out of range") }
            return .duration(r)
        default: throw .noSuchOverload("_-_")
        }
    }

    static func multiply(_ a: CELValue, _ b: CELValue) throws(CELEvaluationError) -> CELValue {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            let (r, o) = x.multipliedReportingOverflow(by: y)
            if o { throw .overflow }
            return .int(r)
        case (.uint(let x), .uint(let y)):
            let (r, o) = x.multipliedReportingOverflow(by: y)
            if o { throw .uintOverflow }
            return .uint(r)
        case (.double(let x), .double(let y)): return .double(x * y)
        default: throw .noSuchOverload("_*_")
        }
    }

    static func divide(_ a: CELValue, _ b: CELValue) throws(CELEvaluationError) -> CELValue {
        if case (.double(let x), .double(let y)) = (a, b) { return .double(x / y) }
        return try integerDivision(a, b, "_/_", .divisionByZero, { $0.dividedReportingOverflow(by: $1) }, { $0 / $1 })
    }

    static func modulo(_ a: CELValue, _ b: CELValue) throws(CELEvaluationError) -> CELValue {
        try integerDivision(a, b, "_%_", .moduloByZero, { $0.remainderReportingOverflow(dividingBy: $1) }, { $0 % $1 })
    }

    /// `/` or `%` of ints or uints: a zero divisor is an error, and so is `Int64.min / -1`.
    private static func integerDivision(
        _ a: CELValue, _ b: CELValue, _ name: String, _ byZero: CELEvaluationError,
        _ signed: (Int64, Int64) -> (partialValue: Int64, overflow: Bool), _ unsigned: (UInt64, UInt64) -> UInt64
    ) throws(CELEvaluationError) -> CELValue {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            if y == 0 { throw byZero }
            let (r, o) = signed(x, y)
            if o { throw .overflow }
            return .int(r)
        case (.uint(let x), .uint(let y)):
            if y == 0 { throw byZero }
            return .uint(unsigned(x, y))
        default: throw .noSuchOverload(name)
        }
    }

    static func negate(_ a: CELValue) throws(CELEvaluationError) -> CELValue {
        switch a {
        case .int(let x):
            if x == .min { throw .overflow }
            return .int(-x)
        case .double(let x): return .double(-x)
        default: throw .noSuchOverload("-_")
        }
    }
}
