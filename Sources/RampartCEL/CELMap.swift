/// A CEL map: keys are bool, int, uint or string; entries keep insertion order for output and compare
/// as a set. A lookup by a number finds the entry whose key is numerically equal (`m[1u]` finds `1`).
public struct CELMap: Sendable, Hashable {
    public private(set) var keys: [CELValue] = []
    public private(set) var values: [CELValue] = []
    private var index: [MapKey: Int] = [:]

    public init() {}

    /// A map of the given entries; a repeated key keeps its last value.
    public init(_ entries: [(key: CELValue, value: CELValue)]) {
        reserveCapacity(entries.count)
        for (key, value) in entries { _ = insert(key, value) }
    }

    /// A map with string keys, as JSON-like objects have.
    public init(stringKeys entries: [(String, CELValue)]) {
        reserveCapacity(entries.count)
        for (key, value) in entries { _ = insert(.string(key), value) }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }
    public var entries: Zip2Sequence<[CELValue], [CELValue]> { zip(keys, values) }

    public mutating func reserveCapacity(_ n: Int) {
        keys.reserveCapacity(n)
        values.reserveCapacity(n)
        index.reserveCapacity(n)
    }

    /// Adds or replaces an entry; false when the key is not a valid map key (bool, int, uint, string).
    @discardableResult
    public mutating func insert(_ key: CELValue, _ value: CELValue) -> Bool {
        guard let mapKey = MapKey(key) else { return false }
        if let position = index[mapKey] {
            values[position] = value
        } else {
            index[mapKey] = keys.count
            keys.append(key)
            values.append(value)
        }
        return true
    }

    /// The value under a key numerically or textually equal to `key`, or nil.
    public subscript(key: CELValue) -> CELValue? {
        guard let mapKey = MapKey(lookup: key), let position = index[mapKey] else { return nil }
        return values[position]
    }

    /// The value under a string key.
    public subscript(string key: String) -> CELValue? {
        guard let position = index[.string(key)] else { return nil }
        return values[position]
    }

    public static func == (lhs: CELMap, rhs: CELMap) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for (key, position) in lhs.index {
            guard let other = rhs.index[key], lhs.values[position] == rhs.values[other] else { return false }
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
    }
}

/// A normalized map key: an unsigned key that fits in Int64 is stored as int, so numeric keys meet.
enum MapKey: Hashable, Sendable {
    case bool(Bool), int(Int64), bigUInt(UInt64), string(String)

    init?(_ value: CELValue) {
        switch value {
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .int(i)
        case .uint(let u): self = u <= UInt64(Int64.max) ? .int(Int64(u)) : .bigUInt(u)
        case .string(let s): self = .string(s)
        default: return nil
        }
    }

    /// The key a lookup uses: also an integral double finds its numeric key.
    init?(lookup value: CELValue) {
        if case .double(let d) = value {
            guard d.rounded() == d else { return nil }
            if d >= -9.223372036854775808e18 && d < 9.223372036854775808e18 {
                self = .int(Int64(d))
            } else if d >= 0 && d < 1.8446744073709551616e19 {
                self = .bigUInt(UInt64(d))
            } else {
                return nil
            }
            return
        }
        self.init(value)
    }
}
