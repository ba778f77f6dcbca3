/// The fast representation of a Kubernetes quantity, `value × 10^scale` (Go's `resource.int64Amount`),
/// with the same overflow rules: an operation that would overflow reports failure, and the quantity
/// then moves to its arbitrary-precision form. The scale arithmetic wraps at 32 bits, as Go's does.
struct QuantityInt64Amount: Hashable, Sendable {
    var value: Int64
    var scale: Int32

    var sign: Int { value == 0 ? 0 : (value > 0 ? 1 : -1) }

    /// The same number as an arbitrary-precision decimal (Go's `AsDec`; `inf` counts scale downwards).
    var decimal: InfDecimal { InfDecimal(value, scale: 0 &- scale) }

    /// The value at scale 0 when that is exact and fits (Go's `AsInt64`).
    var int64Value: Int64? {
        if scale == 0 { return value }
        if scale < 0 { return nil }
        return Self.positiveScale(value, scale)
    }

    /// The value at `newScale`, rounded away from zero, and whether that was exact (Go's `AsScale`).
    func atScale(_ newScale: Int32) -> (amount: QuantityInt64Amount, exact: Bool) {
        if scale >= newScale { return (self, true) }
        let (result, exact) = Self.negativeScale(value, newScale &- scale)
        return (QuantityInt64Amount(value: result, scale: newScale), exact)
    }

    /// The value at `newScale` as an `Int64`, rounded away from zero; nil on overflow (Go's
    /// `AsScaledInt64`).
    func scaledInt64(_ newScale: Int32) -> Int64? {
        if scale < newScale { return Self.negativeScale(value, newScale &- scale).result }
        return Self.positiveScale(value, scale &- newScale)
    }

    /// -1, 0 or 1 as this amount is below, equal to or above `other` (Go's `int64Amount.Cmp`), nil when
    /// the scales are too far apart for `Int64` arithmetic and the decimal form must decide.
    func compare(to other: QuantityInt64Amount) -> Int? {
        let difference = Int64(scale) - Int64(other.scale)
        if difference == 0 { return value == other.value ? 0 : (value < other.value ? -1 : 1) }
        guard difference.magnitude < 18 else { return nil }
        // Bring the amount of the smaller scale to the larger one: quotient and remainder.
        let divisor = (0..<Int(difference.magnitude)).reduce(Int64(1)) { product, _ in product * 10 }
        if difference > 0 {
            let (quotient, remainder) = other.value.quotientAndRemainder(dividingBy: divisor)
            if quotient == value { return remainder == 0 ? 0 : (remainder > 0 ? -1 : 1) }
            return value < quotient ? -1 : 1
        }
        let (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
        if quotient == other.value { return remainder == 0 ? 0 : (remainder > 0 ? 1 : -1) }
        return quotient < other.value ? -1 : 1
    }

    /// Adds `other` in place; false (and no change) when the result would overflow (Go's `Add`).
    mutating func add(_ other: QuantityInt64Amount) -> Bool {
        if other.value == 0 { return true }
        if value == 0 {
            self = other
            return true
        }
        if scale == other.scale {
            guard let sum = Self.add(value, other.value) else { return false }
            value = sum
        } else if scale > other.scale {
            guard let scaled = Self.positiveScale(value, scale &- other.scale),
                  let sum = Self.add(scaled, other.value) else { return false }
            scale = other.scale
            value = sum
        } else {
            guard let scaled = Self.positiveScale(other.value, other.scale &- scale),
                  let sum = Self.add(value, scaled) else { return false }
            value = sum
        }
        return true
    }

    /// Subtracts `other` in place (Go's `Sub`: adds the negated value, which wraps for `Int64.min`).
    mutating func subtract(_ other: QuantityInt64Amount) -> Bool {
        add(QuantityInt64Amount(value: 0 &- other.value, scale: other.scale))
    }

    /// The decimal mantissa and an exponent that is a multiple of 3 (Go's `AsCanonicalBytes`); nil
    /// when the mantissa would overflow and the decimal form must be used.
    var canonicalDecimal: (mantissa: String, exponent: Int32)? {
        var (amount, times) = Self.removeFactors(value, 10)
        var exponent = scale &+ times
        switch exponent % 3 {
        case 1, -2:
            guard let scaled = Self.multiplyScale(amount, 10) else { return nil }
            amount = scaled
            exponent = exponent &- 1
        case 2, -1:
            guard let scaled = Self.multiplyScale(amount, 100) else { return nil }
            amount = scaled
            exponent = exponent &- 2
        default:
            break
        }
        return (String(amount), exponent)
    }

    /// The mantissa and power of 1024 (Go's `AsCanonicalBase1024Bytes`); nil when the value at scale 0
    /// overflows.
    var canonicalBinary: (mantissa: String, exponent: Int32)? {
        guard let integer = scaledInt64(0) else { return nil }
        let (amount, times) = Self.removeFactors(integer, 1024)
        return (String(amount), times)
    }

    // MARK: Go's resource/math.go

    /// `a + b`, nil on overflow.
    static func add(_ a: Int64, _ b: Int64) -> Int64? {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? nil : sum
    }

    /// `a × b`, nil on overflow (either factor `Int64.min` fails unless the other is 0 or 1).
    static func multiply(_ a: Int64, _ b: Int64) -> Int64? {
        if a == 0 || b == 0 || a == 1 || b == 1 { return a &* b }
        if a == .min || b == .min { return nil }
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? nil : product
    }

    /// `a × b` for a factor `b` above one.
    static func multiplyScale(_ a: Int64, _ b: Int64) -> Int64? {
        if a == 0 || a == 1 { return a &* b }
        if a == .min { return nil }
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? nil : product
    }

    /// `base × 10^scale`, nil on overflow; a negative scale leaves `base` unchanged, as Go's loop does.
    static func positiveScale(_ base: Int64, _ scale: Int32) -> Int64? {
        if base == 0 { return 0 }
        var value = base
        var step: Int32 = 0
        while step < scale {
            guard let next = multiplyScale(value, 10) else { return nil }
            value = next
            step += 1
        }
        return value
    }

    /// `base ÷ 10^scale`, rounded away from zero, and whether it was exact.
    static func negativeScale(_ base: Int64, _ scale: Int32) -> (result: Int64, exact: Bool) {
        if scale == 0 { return (base, true) }
        var value = base
        var fraction = false
        var step: Int32 = 0
        while step < scale {
            if !fraction && value % 10 != 0 { fraction = true }
            value /= 10
            if value == 0 {
                if fraction { return (base > 0 ? 1 : -1, false) }
                return (0, true)
            }
            step += 1
        }
        if fraction { value += base > 0 ? 1 : -1 }
        return (value, !fraction)
    }

    /// `value` without its factors of `base`, and how many were removed.
    static func removeFactors(_ value: Int64, _ base: Int64) -> (result: Int64, times: Int32) {
        let negative = value < 0
        var result = negative ? 0 &- value : value
        var times: Int32 = 0
        while result >= base && result % base == 0 {
            times += 1
            result /= base
        }
        return (negative ? 0 &- result : result, times)
    }
}
