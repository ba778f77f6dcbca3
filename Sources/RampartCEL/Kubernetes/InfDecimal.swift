/// A signed decimal `unscaled × 10^(-scale)`, the arbitrary-precision number behind Kubernetes
/// quantities (Go's `gopkg.in/inf.v0` `Dec`, with a 32-bit scale). Operations that would have to write
/// out more than `maximumDigits` digits throw instead of hanging, where Go would try to allocate them.
struct InfDecimal: Hashable, Sendable {
    /// The largest number of digits an operation writes out.
    static let maximumDigits = 1_000_000

    /// An operation whose exact result needs more than `maximumDigits` digits.
    struct TooLarge: Error {}

    var negative: Bool
    var magnitude: DecimalMagnitude
    var scale: Int32

    init(negative: Bool, magnitude: DecimalMagnitude, scale: Int32) {
        self.negative = negative && !magnitude.isZero
        self.magnitude = magnitude
        self.scale = scale
    }

    init(_ unscaled: Int64, scale: Int32) {
        self.init(negative: unscaled < 0, magnitude: DecimalMagnitude(unscaled.magnitude), scale: scale)
    }

    /// -1, 0 or 1.
    var sign: Int { magnitude.isZero ? 0 : (negative ? -1 : 1) }

    var negated: InfDecimal { InfDecimal(negative: !negative, magnitude: magnitude, scale: scale) }

    /// The unscaled value in decimal, with a leading `-` when negative.
    var unscaledText: String { (negative ? "-" : "") + magnitude.decimalText }

    /// The same value written with `newScale` (more digits), as `inf`'s `rescale` does upwards.
    func upscaled(to newScale: Int32) throws(TooLarge) -> InfDecimal {
        let shift = Int(newScale) - Int(scale)
        guard shift > 0 else { return self }
        guard magnitude.isZero || magnitude.digitCount + shift <= Self.maximumDigits else { throw TooLarge() }
        return InfDecimal(negative: negative, magnitude: magnitude.shiftedLeft(decimalDigits: shift), scale: newScale)
    }

    /// The value rounded to `newScale`, away from zero when digits are dropped (`inf.RoundUp`), and
    /// whether it stayed exact.
    func roundedAwayFromZero(toScale newScale: Int32) throws(TooLarge) -> (value: InfDecimal, exact: Bool) {
        let shift = Int(newScale) - Int(scale)
        if shift >= 0 { return (try upscaled(to: newScale), true) }
        let (quotient, exact) = magnitude.shiftedRight(decimalDigits: -shift)
        let rounded = exact ? quotient : quotient + DecimalMagnitude(1)
        return (InfDecimal(negative: negative, magnitude: rounded, scale: newScale), exact)
    }

    /// -1, 0 or 1 as `left` is below, equal to or above `right`, computed without writing out the
    /// digits a large difference of scales would need.
    static func compare(_ left: InfDecimal, _ right: InfDecimal) -> Int {
        if left.sign != right.sign { return left.sign < right.sign ? -1 : 1 }
        if left.sign == 0 { return 0 }
        let magnitudeOrder = compareMagnitudes(left, right)
        return left.negative ? -magnitudeOrder : magnitudeOrder
    }

    private static func compareMagnitudes(_ left: InfDecimal, _ right: InfDecimal) -> Int {
        // The position of the leading digit decides unless it is the same; then the scales differ by
        // no more than the digit counts, and aligning them is cheap.
        let leftTop = Int64(left.magnitude.digitCount) - Int64(left.scale)
        let rightTop = Int64(right.magnitude.digitCount) - Int64(right.scale)
        if leftTop != rightTop { return leftTop < rightTop ? -1 : 1 }
        let shift = Int(Int64(left.scale) - Int64(right.scale))
        if shift >= 0 {
            return DecimalMagnitude.compare(left.magnitude, right.magnitude.shiftedLeft(decimalDigits: shift))
        }
        return DecimalMagnitude.compare(left.magnitude.shiftedLeft(decimalDigits: -shift), right.magnitude)
    }

    /// `left + right` at the larger of the two scales (`inf`'s `Add`).
    static func sum(_ left: InfDecimal, _ right: InfDecimal) throws(TooLarge) -> InfDecimal {
        let scale = max(left.scale, right.scale)
        let a = try left.upscaled(to: scale)
        let b = try right.upscaled(to: scale)
        if a.negative == b.negative {
            return InfDecimal(negative: a.negative, magnitude: a.magnitude + b.magnitude, scale: scale)
        }
        if a.magnitude >= b.magnitude {
            return InfDecimal(negative: a.negative, magnitude: a.magnitude - b.magnitude, scale: scale)
        }
        return InfDecimal(negative: b.negative, magnitude: b.magnitude - a.magnitude, scale: scale)
    }

    /// `left - right` (`inf`'s `Sub`).
    static func difference(_ left: InfDecimal, _ right: InfDecimal) throws(TooLarge) -> InfDecimal {
        try sum(left, right.negated)
    }
}
