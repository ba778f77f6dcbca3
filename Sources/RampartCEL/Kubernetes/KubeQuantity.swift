/// A Kubernetes CEL `kubernetes.Quantity` value (`quantity("...")`), with the semantics of
/// `k8s.io/apimachinery/pkg/api/resource.Quantity`: a fixed-point number kept either as
/// `Int64 × 10^scale` or as an arbitrary-precision decimal, plus the format (decimal SI, binary SI or
/// decimal exponent) it prints in.
///
/// Equality, hashing and ordering are by numeric value (`quantity("1k") == quantity("1000")`). Which of
/// the two representations a value has matters, as it does in Kubernetes: `isInteger()` and
/// `asInteger()` only succeed on the `Int64` form (`quantity("1000m").isInteger()` is false).
public struct KubeQuantity: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The CEL type name.
    public static let celTypeName = "kubernetes.Quantity"

    /// How a quantity prints (Go's `resource.Format`).
    public enum Format: String, Sendable {
        case decimalExponent = "DecimalExponent"
        case binarySI = "BinarySI"
        case decimalSI = "DecimalSI"
    }

    /// The number: the fast `Int64` form or the arbitrary-precision form.
    enum Amount: Sendable {
        case int64(QuantityInt64Amount)
        case decimal(InfDecimal)

        var asDecimal: InfDecimal {
            switch self {
            case .int64(let amount): return amount.decimal
            case .decimal(let decimal): return decimal
            }
        }

        var sign: Int {
            switch self {
            case .int64(let amount): return amount.sign
            case .decimal(let decimal): return decimal.sign
            }
        }
    }

    var amount: Amount
    /// The format the quantity prints in.
    public internal(set) var format: Format
    /// The parsed text, kept when Kubernetes considers it canonical (Go caches it and prints it back).
    var parsedText: String?

    init(amount: Amount, format: Format, parsedText: String? = nil) {
        self.amount = amount
        self.format = format
        self.parsedText = parsedText
    }

    /// `quantity(text)`: the quantity, or Kubernetes' parse error (`quantities must match the regular
    /// expression …`, `unable to parse numeric part of quantity`, `unable to parse quantity's suffix`).
    public init(_ text: String) throws(KubeLibraryError) {
        self = try KubeQuantityParser.parse(text)
    }

    /// `isQuantity(text)`: whether `quantity(text)` succeeds.
    public static func isValid(_ text: String) -> Bool {
        (try? KubeQuantity(text)) != nil
    }

    /// The integer `value` in decimal-exponent format, the form `add(int)` and `sub(int)` give their
    /// argument (Go's `NewQuantity(value, DecimalExponent)`).
    public init(integer value: Int64) {
        self.init(amount: .int64(QuantityInt64Amount(value: value, scale: 0)), format: .decimalExponent)
    }

    /// `sign(q)`: -1, 0 or 1.
    public var sign: Int64 { Int64(amount.sign) }

    /// `isInteger()`: whether `asInteger()` succeeds (the `Int64` form, at a scale of 0 or above, within
    /// `Int64`).
    public var isInteger: Bool { integerValue != nil }

    /// `asInteger()`: the value as an `Int64`, or `cannot convert value to integer`.
    public func asInteger() throws(KubeLibraryError) -> Int64 {
        guard let value = integerValue else { throw KubeLibraryError("cannot convert value to integer") }
        return value
    }

    private var integerValue: Int64? {
        guard case .int64(let amount) = amount else { return nil }
        return amount.int64Value
    }

    /// `asApproximateFloat()`: the unscaled value as a `Double` times Go's `math.Pow10` of the exponent
    /// (±∞ beyond the `Double` range).
    public var approximateDouble: Double {
        let base: Double
        let exponent: Int
        switch amount {
        case .int64(let amount):
            base = Double(amount.value)
            exponent = Int(amount.scale)
        case .decimal(let decimal):
            base = Double(decimal.unscaledText) ?? .nan
            exponent = -Int(decimal.scale)
        }
        return exponent == 0 ? base : base * GoPow10.power(exponent)
    }

    /// `compareTo(other)`: -1, 0 or 1 by numeric value.
    public func compare(to other: KubeQuantity) -> Int64 {
        if case .int64(let left) = amount, case .int64(let right) = other.amount, let order = left.compare(to: right) {
            return Int64(order)
        }
        return Int64(InfDecimal.compare(amount.asDecimal, other.amount.asDecimal))
    }

    /// `isLessThan(other)`.
    public static func < (left: KubeQuantity, right: KubeQuantity) -> Bool {
        left.compare(to: right) < 0
    }

    /// Equal numeric values (`==` in CEL).
    public static func == (left: KubeQuantity, right: KubeQuantity) -> Bool {
        left.compare(to: right) == 0
    }

    /// Hashes the numeric value: sign, significant digits and the power of ten of the last one.
    public func hash(into hasher: inout Hasher) {
        switch amount {
        case .int64(let amount):
            let (digits, zeros) = QuantityInt64Amount.removeFactors(amount.value, 10)
            hasher.combine(digits == 0 ? "0" : String(digits))
            hasher.combine(digits == 0 ? 0 : Int64(amount.scale) + Int64(zeros))
        case .decimal(let decimal):
            let zeros = decimal.magnitude.trailingDecimalZeros
            let digits = decimal.magnitude.shiftedRight(decimalDigits: zeros).quotient
            hasher.combine(decimal.magnitude.isZero ? "0" : (decimal.negative ? "-" : "") + digits.decimalText)
            hasher.combine(decimal.magnitude.isZero ? 0 : Int64(zeros) - Int64(decimal.scale))
        }
    }

    /// The Kubernetes string form (Go's `Quantity.String()`); see `KubeQuantity+Text.swift`.
    public var description: String { parsedText ?? canonicalText }
}
