/// The canonical string form of a quantity (Go's `Quantity.CanonicalizeBytes`): the largest suffix of
/// the quantity's format that keeps the mantissa an integer.
extension KubeQuantity {
    /// Binary-SI values beyond this many digits print in decimal SI (Go would reduce them by 1024 one
    /// division at a time).
    private static let binaryFormatDigitLimit = 1_000

    var canonicalText: String {
        if amount.sign == 0 { return "0" }
        switch format {
        case .decimalExponent, .decimalSI:
            return decimalText(format: format)
        case .binarySI:
            let decimal = amount.asDecimal
            let within1024 = InfDecimal.compare(decimal, InfDecimal(-1024, scale: 0)) > 0
                && InfDecimal.compare(decimal, InfDecimal(1024, scale: 0)) < 0
            if within1024 { return decimalText(format: .decimalSI) }
            guard let (mantissa, exponent) = binaryParts() else { return decimalText(format: .decimalSI) }
            return mantissa + Self.binarySuffix(exponent)
        }
    }

    /// Mantissa and power of 1024 of the value rounded up to an integer; nil when rounding loses
    /// precision (Go then prints decimal SI) or the value is too large to reduce.
    private func binaryParts() -> (String, Int32)? {
        switch amount {
        case .int64(let amount):
            let (rounded, exact) = amount.atScale(0)
            guard exact else { return nil }
            if let parts = rounded.canonicalBinary { return parts }
            return Self.binaryParts(of: rounded.decimal)
        case .decimal(let decimal):
            guard let (rounded, exact) = try? decimal.roundedAwayFromZero(toScale: 0), exact else { return nil }
            return Self.binaryParts(of: rounded)
        }
    }

    private static func binaryParts(of decimal: InfDecimal) -> (String, Int32)? {
        guard let (integer, _) = try? decimal.roundedAwayFromZero(toScale: 0),
              integer.magnitude.digitCount <= binaryFormatDigitLimit else { return nil }
        var magnitude = integer.magnitude
        var times: Int32 = 0
        while !magnitude.isZero {
            let (quotient, remainder) = magnitude.divided(by: 1024)
            guard remainder == 0 else { break }
            magnitude = quotient
            times += 1
        }
        return ((integer.negative ? "-" : "") + magnitude.decimalText, times)
    }

    private func decimalText(format: Format) -> String {
        let (mantissa, exponent) = decimalParts()
        return mantissa + Self.decimalSuffix(exponent, format: format)
    }

    /// Mantissa and an exponent of ten that is a multiple of 3 (Go's `AsCanonicalBytes`).
    private func decimalParts() -> (String, Int32) {
        if case .int64(let amount) = amount, let parts = amount.canonicalDecimal { return parts }
        let decimal = amount.asDecimal
        let zeros = decimal.magnitude.trailingDecimalZeros
        var magnitude = decimal.magnitude.shiftedRight(decimalDigits: zeros).quotient
        var exponent = (0 &- decimal.scale) &+ Int32(truncatingIfNeeded: zeros)
        while exponent % 3 != 0 {
            magnitude = magnitude.multiplied(by: 10)
            exponent = exponent &- 1
        }
        return ((decimal.negative ? "-" : "") + magnitude.decimalText, exponent)
    }

    /// Go's suffix table read backwards; an exponent without a suffix prints none (as in Go).
    private static func decimalSuffix(_ exponent: Int32, format: Format) -> String {
        if format == .decimalExponent { return exponent == 0 ? "" : "e" + String(exponent) }
        return KubeQuantityParser.suffix(exponent: exponent, format: .decimalSI)
    }

    private static func binarySuffix(_ power: Int32) -> String {
        power == 0 ? "" : KubeQuantityParser.suffix(exponent: power &* 10, format: .binarySI)
    }
}
