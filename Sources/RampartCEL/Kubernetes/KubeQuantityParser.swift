/// Go's `resource.ParseQuantity`, step for step: a byte scanner for `[sign]digits[.digits][suffix]`,
/// the suffix table, the fast `Int64` path when at most 18 significant digits and a scale of at least
/// 10⁻⁹ allow it, and otherwise the arbitrary-precision path that rounds up to nano units and caps
/// binary-SI values at 2⁶³-1.
enum KubeQuantityParser {
    static let formatError = KubeLibraryError(
        "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'")
    static let numericError = KubeLibraryError("unable to parse numeric part of quantity")
    static let suffixError = KubeLibraryError("unable to parse quantity's suffix")
    static let tooLargeError = KubeLibraryError(
        "quantity too large to compute exactly: more than \(InfDecimal.maximumDigits) digits")

    /// The pieces of the text (byte ranges of the input).
    private struct Pieces {
        var positive = true
        /// The signed number as written (sign, leading zeros, fraction), for the decimal path.
        var value: ArraySlice<UInt8>
        /// The integer digits without leading zeros (`"0"` when there are none).
        var numerator: ArraySlice<UInt8>
        var denominator: ArraySlice<UInt8> = []
        var suffix: ArraySlice<UInt8> = []
    }

    static func parse(_ text: String) throws(KubeLibraryError) -> KubeQuantity {
        let bytes = Array(text.utf8)
        if bytes.isEmpty { throw formatError }
        if text == "0" {
            return KubeQuantity(amount: .int64(QuantityInt64Amount(value: 0, scale: 0)), format: .decimalSI, parsedText: text)
        }
        let pieces = try scan(bytes)
        guard let (base, exponent, format) = interpret(suffix: pieces.suffix) else { throw suffixError }
        if let fast = fastPath(pieces, exponent: exponent, format: format, text: text) {
            return fast
        }
        return try decimalPath(pieces, base: base, exponent: exponent, format: format)
    }

    private static let zeroDigit: ArraySlice<UInt8> = [UInt8(ascii: "0")]
    private static let suffixLetters = Set("eEinumkKMGTP".utf8)

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// Go's `parseQuantityString`.
    private static func scan(_ bytes: [UInt8]) throws(KubeLibraryError) -> Pieces {
        var position = 0
        let end = bytes.count
        var positive = true
        switch bytes[0] {
        case UInt8(ascii: "-"):
            positive = false
            position += 1
        case UInt8(ascii: "+"):
            position += 1
        default:
            break
        }
        while position < end && bytes[position] == UInt8(ascii: "0") { position += 1 }
        if position >= end {
            return Pieces(positive: positive, value: zeroDigit, numerator: zeroDigit)
        }
        let numeratorStart = position
        while position < end && isDigit(bytes[position]) { position += 1 }
        var pieces = Pieces(positive: positive, value: bytes[0..<position],
                            numerator: position == numeratorStart ? zeroDigit : bytes[numeratorStart..<position])
        if position >= end { return pieces }
        if bytes[position] == UInt8(ascii: ".") {
            position += 1
            let denominatorStart = position
            while position < end && isDigit(bytes[position]) { position += 1 }
            pieces.denominator = bytes[denominatorStart..<position]
            if position >= end {
                pieces.value = bytes[0..<end]
                return pieces
            }
        }
        pieces.value = bytes[0..<position]
        let suffixStart = position
        while position < end && suffixLetters.contains(bytes[position]) { position += 1 }
        if position < end && (bytes[position] == UInt8(ascii: "-") || bytes[position] == UInt8(ascii: "+")) {
            position += 1
        }
        while position < end && isDigit(bytes[position]) { position += 1 }
        guard position >= end else { throw formatError }
        pieces.suffix = bytes[suffixStart..<end]
        return pieces
    }

    /// Go's suffix table: each suffix with its base, exponent and format.
    static let suffixes: [String: (base: Int, exponent: Int32, format: KubeQuantity.Format)] = [
        "": (10, 0, .decimalSI), "n": (10, -9, .decimalSI), "u": (10, -6, .decimalSI), "m": (10, -3, .decimalSI),
        "k": (10, 3, .decimalSI), "M": (10, 6, .decimalSI), "G": (10, 9, .decimalSI), "T": (10, 12, .decimalSI),
        "P": (10, 15, .decimalSI), "E": (10, 18, .decimalSI),
        "Ki": (2, 10, .binarySI), "Mi": (2, 20, .binarySI), "Gi": (2, 30, .binarySI), "Ti": (2, 40, .binarySI),
        "Pi": (2, 50, .binarySI), "Ei": (2, 60, .binarySI),
    ]

    /// The suffix that Go's table gives `exponent` in `format` (`""` when it has none).
    static func suffix(exponent: Int32, format: KubeQuantity.Format) -> String {
        suffixes.first { $0.value.format == format && $0.value.exponent == exponent }?.key ?? ""
    }

    /// Base, exponent and format of a suffix: the table, else `e`/`E` and a decimal exponent; nil when
    /// there is no such suffix.
    static func interpret(suffix: ArraySlice<UInt8>) -> (base: Int, exponent: Int32, format: KubeQuantity.Format)? {
        if let known = suffixes[String(decoding: suffix, as: UTF8.self)] { return known }
        guard suffix.count > 1, let first = suffix.first, first == UInt8(ascii: "e") || first == UInt8(ascii: "E"),
              let exponent = Int64(String(decoding: suffix.dropFirst(), as: UTF8.self)) else { return nil }
        // Go parses 64 bits, then keeps the low 32 (`int32(parsed)`).
        return (10, Int32(truncatingIfNeeded: exponent), .decimalExponent)
    }

    /// The `Int64` path of `ParseQuantity`, nil when the value needs the decimal path.
    private static func fastPath(_ pieces: Pieces, exponent: Int32, format: KubeQuantity.Format, text: String) -> KubeQuantity? {
        var scale: Int32 = 0
        var mantissa: Int64 = 1
        var precision: Int
        switch format {
        case .decimalExponent, .decimalSI:
            scale = exponent
            precision = 18 - (pieces.numerator.count + pieces.denominator.count)
        case .binarySI:
            guard exponent >= 0 && pieces.denominator.isEmpty else { return nil }
            mantissa = 1 << Int64(exponent)
            precision = 15 - pieces.numerator.count - Int(exponent) * 3 / 10 - 1
        }
        guard precision >= 0 else { return nil }
        scale = scale &- Int32(truncatingIfNeeded: pieces.denominator.count)
        guard scale >= -9 else { return nil }
        let shifted = Array(pieces.numerator) + Array(pieces.denominator)
        guard let value = Int64(String(decoding: shifted, as: UTF8.self)),
              var result = QuantityInt64Amount.multiply(value, mantissa) else { return nil }
        if !pieces.positive { result = 0 &- result }
        // Go keeps the text when it is already in canonical form, and prints it back.
        let canonical: Bool
        switch format {
        case .binarySI:
            canonical = exponent % 10 == 0 && value & 0x07 != 0
        case .decimalExponent, .decimalSI:
            canonical = scale % 3 == 0 && !shifted.reversed().starts(with: Array("000".utf8)) && shifted.first != UInt8(ascii: "0")
        }
        return KubeQuantity(amount: .int64(QuantityInt64Amount(value: result, scale: scale)), format: format,
                            parsedText: canonical ? text : nil)
    }

    /// The arbitrary-precision path of `ParseQuantity`.
    private static func decimalPath(_ pieces: Pieces, base: Int, exponent: Int32, format: KubeQuantity.Format) throws(KubeLibraryError) -> KubeQuantity {
        var amount = try decimal(pieces.value)
        var format = format
        do {
            if base == 10 {
                amount.scale = amount.scale &+ (0 &- exponent)
            } else {
                // 2^exponent, exponent at most 60: two factors of at most 2³⁰.
                let low = min(Int(exponent), 30)
                amount.magnitude = amount.magnitude.multiplied(by: 1 << UInt64(low)).multiplied(by: 1 << UInt64(Int(exponent) - low))
            }
            let negative = amount.negative
            amount.negative = false
            if !amount.magnitude.isZero {
                amount = try amount.roundedAwayFromZero(toScale: 9).value
            }
            let maximum = InfDecimal(Int64.max, scale: 0)
            if format == .binarySI && InfDecimal.compare(amount, maximum) > 0 {
                amount = maximum
            }
            if format == .binarySI && InfDecimal.compare(amount, InfDecimal(1, scale: 0)) < 0 && amount.sign > 0 {
                format = .decimalSI
            }
            amount.negative = negative && !amount.magnitude.isZero
        } catch {
            throw tooLargeError
        }
        return KubeQuantity(amount: .decimal(amount), format: format)
    }

    /// `inf.Dec.SetString` on the number as written: an optional sign, digits and at most one point;
    /// at least one digit.
    private static func decimal(_ value: ArraySlice<UInt8>) throws(KubeLibraryError) -> InfDecimal {
        var rest = value
        var negative = false
        if let first = rest.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            rest = rest.dropFirst()
        }
        let digits = rest.filter(isDigit)
        guard !digits.isEmpty else { throw numericError }
        guard digits.count <= InfDecimal.maximumDigits else { throw tooLargeError }
        let fraction = rest.firstIndex(of: UInt8(ascii: ".")).map { rest.endIndex - $0 - 1 } ?? 0
        return InfDecimal(negative: negative, magnitude: DecimalMagnitude(digits: digits), scale: Int32(fraction))
    }
}
