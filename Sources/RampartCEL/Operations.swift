/// The core operators of CEL on values: field selection, indexing, equality, ordering, arithmetic.
enum Operations {
    // MARK: selection and indexing

    static func select(_ value: CELValue, _ field: String, testOnly: Bool) throws(CELEvaluationError) -> CELValue {
        switch value {
        case .map(let map):
            if testOnly { return .bool(map[string: field] != nil) }
            guard let found = map[string: field] else { throw CELEvaluationError("no such key: \(field)") }
            return found
        case .optional(nil):
            return testOnly ? .bool(false) : .optional(nil)
        case .optional(let inner?):
            if testOnly { return try select(inner, field, testOnly: true) }
            if case .map(let map) = inner { return .optional(map[string: field]) }
            return .optional(try select(inner, field, testOnly: false))
        default:
            throw CELEvaluationError("type '\(value.celType)' does not support field selection")
        }
    }

    static func index(_ container: CELValue, _ key: CELValue) throws(CELEvaluationError) -> CELValue {
        switch container {
        case .list(let list):
            let i = try listIndex(key)
            guard i >= 0 && i < list.count else { throw CELEvaluationError("index out of bounds: \(i)") }
            return list[i]
        case .map(let map):
            guard MapKey(lookup: key) != nil || isNumber(key) else { throw CELEvaluationError("unsupported key type") }
            guard let found = map[key] else { throw CELEvaluationError("no such key: \(key.displayText)") }
            return found
        case .optional(let inner):
            guard let inner else { return .optional(nil) }
            return try optionalIndex(inner, key)
        default:
            throw .noSuchOverload("_[_]")
        }
    }

    /// `container[?key]`: the element as an optional, none when absent.
    static func optionalIndex(_ container: CELValue, _ key: CELValue) throws(CELEvaluationError) -> CELValue {
        switch container {
        case .list(let list):
            let i = try listIndex(key)
            return .optional(i >= 0 && i < list.count ? list[i] : nil)
        case .map(let map):
            return .optional(map[key])
        case .optional(let inner):
            guard let inner else { return .optional(nil) }
            return try optionalIndex(inner, key)
        default:
            throw .noSuchOverload("_[?_]")
        }
    }

    /// `container.?field`.
    static func optionalSelect(_ container: CELValue, _ field: CELValue) throws(CELEvaluationError) -> CELValue {
        guard case .string(let name) = field else { throw .noSuchOverload("_?._") }
        switch container {
        case .map(let map): return .optional(map[string: name])
        case .optional(nil): return .optional(nil)
        case .optional(let inner?): return try optionalSelect(inner, field)
        default: throw CELEvaluationError("type '\(container.celType)' does not support field selection")
        }
    }

    private static func listIndex(_ key: CELValue) throws(CELEvaluationError) -> Int {
        switch key {
        case .int(let i): return Int(i)
        case .uint(let u): return u > UInt64(Int.max) ? Int.max : Int(u)
        case .double(let d):
            guard d.rounded() == d, d > -9.2e18, d < 9.2e18 else { throw CELEvaluationError("unsupported index value \(d)") }
            return Int(d)
        default: throw CELEvaluationError("unsupported index type '\(key.celType)' in list")
        }
    }

    private static func isNumber(_ value: CELValue) -> Bool {
        switch value {
        case .int, .uint, .double: true
        default: false
        }
    }

    // MARK: equality and ordering

    /// CEL equality: numbers compare across int, uint and double; other kinds must match; never an error.
    static func equals(_ a: CELValue, _ b: CELValue) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): return x.utf8.elementsEqual(y.utf8)
        case (.int(let x), .int(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.null, .null): return true
        case (.int, _), (.uint, _), (.double, _):
            guard isNumber(b) else { return false }
            return compareNumbers(a, b) == .equal
        case (.list(let x), .list(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { equals($0, $1) }
        case (.map(let x), .map(let y)):
            guard x.count == y.count else { return false }
            for (key, value) in x.entries {
                guard let other = y[key], equals(value, other) else { return false }
            }
            return true
        case (.optional(let x), .optional(let y)):
            switch (x, y) {
            case (nil, nil): return true
            case (let x?, let y?): return equals(x, y)
            default: return false
            }
        case (.type(let x), .type(let y)): return x.runtimeName == y.runtimeName
        case (.opaque(let x), .opaque(let y)): return x.isEqual(to: y)
        default: return a == b
        }
    }

    enum Order { case less, equal, greater, unordered }

    static func compareNumbers(_ a: CELValue, _ b: CELValue) -> Order {
        switch (a, b) {
        case (.int(let x), .int(let y)): return order(x, y)
        case (.uint(let x), .uint(let y)): return order(x, y)
        case (.double(let x), .double(let y)): return x.isNaN || y.isNaN ? .unordered : order(x, y)
        case (.int(let x), .uint(let y)): return x < 0 ? .less : order(UInt64(x), y)
        case (.uint(let x), .int(let y)): return y < 0 ? .greater : order(x, UInt64(y))
        case (.int(let x), .double(let y)): return compareIntDouble(x, y)
        case (.double(let x), .int(let y)): return invert(compareIntDouble(y, x))
        case (.uint(let x), .double(let y)): return compareUIntDouble(x, y)
        case (.double(let x), .uint(let y)): return invert(compareUIntDouble(y, x))
        default: return .unordered
        }
    }

    private static func order<T: Comparable>(_ x: T, _ y: T) -> Order { x < y ? .less : x > y ? .greater : .equal }

    private static func invert(_ o: Order) -> Order {
        switch o {
        case .less: .greater
        case .greater: .less
        default: o
        }
    }

    /// cel-go's rule: out of the int range the double decides, else both compare as doubles (lossy).
    private static func compareIntDouble(_ x: Int64, _ y: Double) -> Order {
        if y.isNaN { return .unordered }
        if y < -9.223372036854775808e18 { return .greater }
        if y > 9.223372036854775808e18 { return .less }
        return order(Double(x), y)
    }

    private static func compareUIntDouble(_ x: UInt64, _ y: Double) -> Order {
        if y.isNaN { return .unordered }
        if y < 0 { return .greater }
        if y > 1.8446744073709551616e19 { return .less }
        return order(Double(x), y)
    }

    /// The order of two values of comparable kinds; an error for kinds that have no order.
    static func compare(_ a: CELValue, _ b: CELValue, _ op: String) throws(CELEvaluationError) -> Order {
        switch (a, b) {
        case (.string(let x), .string(let y)):
            return x.utf8.lexicographicallyPrecedes(y.utf8) ? .less : x.utf8.elementsEqual(y.utf8) ? .equal : .greater
        case (.bytes(let x), .bytes(let y)):
            return x.lexicographicallyPrecedes(y) ? .less : x == y ? .equal : .greater
        case (.bool(let x), .bool(let y)): return x == y ? .equal : (!x ? .less : .greater)
        case (.timestamp(let x), .timestamp(let y)): return order(x, y)
        case (.duration(let x), .duration(let y)): return order(x, y)
        case (.int, _), (.uint, _), (.double, _):
            guard isNumber(b) else { throw .noSuchOverload(op) }
            return compareNumbers(a, b)
        default: throw .noSuchOverload(op)
        }
    }

    static func relation(_ op: String) -> @Sendable (CELValue, CELValue) throws(CELEvaluationError) -> CELValue {
        switch op {
        case "_<_": return { (x, y) throws(CELEvaluationError) in .bool(try compare(x, y, op) == .less) }
        case "_<=_": return { (x, y) throws(CELEvaluationError) in
            let o = try compare(x, y, op)
            return .bool(o == .less || o == .equal)
        }
        case "_>_": return { (x, y) throws(CELEvaluationError) in .bool(try compare(x, y, op) == .greater) }
        default: return { (x, y) throws(CELEvaluationError) in
            let o = try compare(x, y, op)
            return .bool(o == .greater || o == .equal)
        }
        }
    }

    static func contains(_ container: CELValue, _ element: CELValue) throws(CELEvaluationError) -> CELValue {
        switch container {
        case .list(let list): return .bool(list.contains { equals($0, element) })
        case .map(let map):
            return .bool(map[element] != nil)
        default: throw .noSuchOverload("@in")
        }
    }
}

extension CELValue {
    /// A short text of a value for error messages and `%s` formatting of keys.
    var displayText: String {
        switch self {
        case .string(let s): s
        case .int(let i): String(i)
        case .uint(let u): String(u)
        case .double(let d): Formatting.double(d)
        case .bool(let b): String(b)
        case .null: "null"
        default: "\(self.celType)"
        }
    }
}
