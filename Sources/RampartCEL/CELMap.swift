/// A CEL map: keys are bool, int, uint or string; entries keep insertion order for output and compare
/// as a set. A lookup by a number finds the entry whose key is numerically equal (`m[1u]` finds `1`).
public struct CELMap: Sendable, Hashable {
    public private(set) var keys: [CELValue] = []
    public private(set) var values: [CELValue] = []
    /// Positions by key, built once the map outgrows a linear scan (small maps, the common case in
    /// Kubernetes objects, are searched in place: cheaper to build and as fast to read).
    private var index: [MapKey: Int]?

    private static let linearLimit = 8

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
    }

    private func position(of key: MapKey) -> Int? {
        if let index { return index[key] }
        return keys.firstIndex { MapKey($0) == key }
    }

    /// Adds or replaces an entry; false when the key is not a valid map key (bool, int, uint, string).
    @discardableResult
    public mutating func insert(_ key: CELValue, _ value: CELValue) -> Bool {
        guard let mapKey = MapKey(key) else { return false }
        if let existing = position(of: mapKey) {
            values[existing] = value
            return true
        }
        keys.append(key)
        values.append(value)
        if index != nil {
            index?[mapKey] = keys.count - 1
        } else if keys.count > Self.linearLimit {
            var built: [MapKey: Int] = [:]
            built.reserveCapacity(keys.count * 2)
            for (offset, k) in keys.enumerated() { if let m = MapKey(k) { built[m] = offset } }
            index = built
        }
        return true
    }

    /// The value under a key numerically or textually equal to `key`, or nil.
    public subscript(key: CELValue) -> CELValue? {
        guard let mapKey = MapKey(lookup: key), let found = position(of: mapKey) else { return nil }
        return values[found]
    }

    /// The value under a string key.
    public subscript(string key: String) -> CELValue? {
        if let index {
            guard let found = index[.string(key)] else { return nil }
            return values[found]
        }
        for (offset, k) in keys.enumerated() {
            if case .string(let candidate) = k, candidate == key { return values[offset] }
        }
        return nil
    }

    public static func == (lhs: CELMap, rhs: CELMap) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for (key, value) in lhs.entries {
            guard let other = rhs[key], value == other else { return false }
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
