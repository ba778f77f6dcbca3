/// The largest sizes of values an expression reads from its inputs where no type says more.
///
/// The Kubernetes API server refuses requests over 3 MiB, so no string, list or map of an object
/// it admits is larger than what fits in one request; it estimates unbounded schema fields the same
/// way (apiserver `estimateMaxStringLengthPerRequest`, `estimateMaxArrayItemsFromMinSize`,
/// `estimateMaxAdditionalPropertiesFromMinSize`). The items and values taken here are at least two
/// bytes, as objects (`{}`) and strings (`""`) are: the lists and maps of Kubernetes objects that rules
/// iterate (containers, volumes, env, labels) hold those.
public struct CELSizeBounds: Sendable, Equatable {
    /// Characters of a string (or bytes of a bytes value).
    public var string: UInt64
    /// Items of a list.
    public var list: UInt64
    /// Entries of a map.
    public var map: UInt64

    /// Bounds for values that arrive in one request of `requestBytes` (JSON), less the enclosing quotes
    /// or brackets: a list's items take two bytes and a comma; a map's entries a key's quotes, a colon,
    /// a comma and the two bytes of a value (upstream's `minSize + 6`).
    public init(requestBytes: UInt64) {
        let inner = requestBytes > 2 ? requestBytes - 2 : 0
        string = inner
        list = inner / 3
        map = inner / 8
    }

    /// The API server's request limit (3 MiB, `DefaultMaxRequestSizeBytes`).
    public static let kubernetesRequest = CELSizeBounds(requestBytes: 3 * 1024 * 1024)

    /// Inputs whose strings, lists and maps are all empty: what is left is the cost that the
    /// expression's own literals and macros over them carry.
    public static let emptyInputs = CELSizeBounds(requestBytes: 0)
}

/// Saturating arithmetic of cost and size bounds: cel-go's estimator saturates at the largest
/// unsigned value, which stands for "unknown".
extension UInt64 {
    func saturatingAdd(_ other: UInt64) -> UInt64 {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? .max : sum
    }

    func saturatingMultiply(_ other: UInt64) -> UInt64 {
        let (product, overflow) = multipliedReportingOverflow(by: other)
        return overflow ? .max : product
    }

    /// The value times a cost factor, rounded up (cel-go `multiplyByCostFactor`).
    func scaled(by factor: Double) -> UInt64 {
        let product = (Double(self) * factor).rounded(.up)
        return product >= 18_446_744_073_709_551_615.0 ? .max : UInt64(product)
    }
}
