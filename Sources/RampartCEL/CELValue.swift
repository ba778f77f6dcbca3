/// A CEL value.
///
/// `Hashable` is structural (a map compares as a set of entries); CEL's own equality, which treats
/// `1 == 1u == 1.0` as equal, is `celEquals`.
public enum CELValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case bytes([UInt8])
    case list([CELValue])
    case map(CELMap)
    case timestamp(CELTimestamp)
    case duration(CELDuration)
    case type(CELType)
    indirect case optional(CELValue?)
    /// A value of a library's abstract type (IP, CIDR, Quantity, Semver, URL, format).
    case opaque(any CELOpaqueValue)

    /// The runtime type of the value (parameterless: `list`, not `list(int)`).
    public var celType: CELType {
        switch self {
        case .null: .null
        case .bool: .bool
        case .int: .int
        case .uint: .uint
        case .double: .double
        case .string: .string
        case .bytes: .bytes
        case .list: .list(.dyn)
        case .map: .map(.dyn, .dyn)
        case .timestamp: .timestamp
        case .duration: .duration
        case .type: .type(nil)
        case .optional: .optional(.dyn)
        case .opaque(let value): value.celType.runtimeType
        }
    }

    public static func == (lhs: CELValue, rhs: CELValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.int(let a), .int(let b)): a == b
        case (.uint(let a), .uint(let b)): a == b
        case (.double(let a), .double(let b)): a == b || (a.isNaN && b.isNaN)
        case (.string(let a), .string(let b)): a == b
        case (.bytes(let a), .bytes(let b)): a == b
        case (.list(let a), .list(let b)): a == b
        case (.map(let a), .map(let b)): a == b
        case (.timestamp(let a), .timestamp(let b)): a == b
        case (.duration(let a), .duration(let b)): a == b
        case (.type(let a), .type(let b)): a == b
        case (.optional(let a), .optional(let b)): a == b
        case (.opaque(let a), .opaque(let b)): a.isEqual(to: b)
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let v): hasher.combine(v)
        case .int(let v): hasher.combine(v)
        case .uint(let v): hasher.combine(v)
        case .double(let v): hasher.combine(v.isNaN ? .nan : v)
        case .string(let v): hasher.combine(v)
        case .bytes(let v): hasher.combine(v)
        case .list(let v): hasher.combine(v)
        case .map(let v): hasher.combine(v)
        case .timestamp(let v): hasher.combine(v)
        case .duration(let v): hasher.combine(v)
        case .type(let v): hasher.combine(v)
        case .optional(let v): hasher.combine(v)
        case .opaque(let v): hasher.combine(v.celType.runtimeName)  // equal values may print differently (1Gi, 1024Mi)
        }
    }
}

/// A value of an abstract library type. Implementations are immutable classes.
public protocol CELOpaqueValue: AnyObject, Sendable, CustomStringConvertible {
    /// The CEL type (`net.IP`, `kubernetes.Quantity`, ...).
    var celType: CELType { get }
    /// CEL equality with another opaque value (false for another type).
    func isEqual(to other: any CELOpaqueValue) -> Bool
}

/// A point in time: seconds since the Unix epoch and nanoseconds, within years 1 to 9999.
public struct CELTimestamp: Sendable, Hashable, Comparable {
    public var seconds: Int64
    public var nanos: Int32

    public init(seconds: Int64, nanos: Int32 = 0) {
        self.seconds = seconds
        self.nanos = nanos
    }

    /// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z in Unix seconds.
    static let minSeconds: Int64 = -62_135_596_800
    static let maxSeconds: Int64 = 253_402_300_799

    var isValid: Bool { seconds >= Self.minSeconds && seconds <= Self.maxSeconds }

    public static func < (lhs: CELTimestamp, rhs: CELTimestamp) -> Bool {
        (lhs.seconds, lhs.nanos) < (rhs.seconds, rhs.nanos)
    }
}

/// A signed span of time: seconds and nanoseconds of the same sign, within ±315,576,000,000 s
/// (google.protobuf.Duration's range, about 10,000 years).
public struct CELDuration: Sendable, Hashable, Comparable {
    public var seconds: Int64
    public var nanos: Int32

    public init(seconds: Int64, nanos: Int32 = 0) {
        self.seconds = seconds
        self.nanos = nanos
    }

    static let maxSeconds: Int64 = 315_576_000_000

    /// The duration of a total number of nanoseconds, or nil outside the range.
    init?(totalNanos: Int128) {
        let limit = Int128(Self.maxSeconds) * 1_000_000_000 + 999_999_999
        guard totalNanos <= limit && totalNanos >= -limit else { return nil }
        seconds = Int64(totalNanos / 1_000_000_000)
        nanos = Int32(totalNanos % 1_000_000_000)
    }

    var totalNanos: Int128 { Int128(seconds) * 1_000_000_000 + Int128(nanos) }

    public static func < (lhs: CELDuration, rhs: CELDuration) -> Bool { lhs.totalNanos < rhs.totalNanos }
}

extension CELTimestamp {
    /// The timestamp of a total number of nanoseconds since the epoch, or nil outside years 1 to 9999.
    init?(totalNanos: Int128) {
        var s = totalNanos / 1_000_000_000
        var n = totalNanos % 1_000_000_000
        if n < 0 {
            n += 1_000_000_000
            s -= 1
        }
        guard s >= Int128(Self.minSeconds) && s <= Int128(Self.maxSeconds) else { return nil }
        self.init(seconds: Int64(s), nanos: Int32(n))
    }

    var totalNanos: Int128 { Int128(seconds) * 1_000_000_000 + Int128(nanos) }
}
