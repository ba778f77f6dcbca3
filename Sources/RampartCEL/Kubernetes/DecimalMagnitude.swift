/// A non-negative integer of any size, held in base 10⁹ (least significant limb first), for the
/// arbitrary-precision side of Kubernetes quantities (Go's `inf.Dec`). Base 10⁹ makes the decimal
/// operations quantities need (parse, print, multiply or divide by a power of ten, count digits)
/// linear in the number of digits.
struct DecimalMagnitude: Hashable, Sendable, Comparable {
    static let limbBase: UInt64 = 1_000_000_000
    private static let powersOfTen: [UInt64] = (0...9).map { power in (0..<power).reduce(1) { value, _ in value * 10 } }

    /// Limbs, least significant first, no most significant zero limb (zero is `[]`).
    private(set) var limbs: [UInt32]

    static let zero = DecimalMagnitude(limbs: [])

    private init(limbs: [UInt32]) {
        self.limbs = limbs
        trim()
    }

    init(_ value: UInt64) {
        var limbs: [UInt32] = []
        var rest = value
        while rest > 0 {
            limbs.append(UInt32(rest % Self.limbBase))
            rest /= Self.limbBase
        }
        self.init(limbs: limbs)
    }

    /// The number written with these ASCII digits (the caller guarantees they are digits).
    init(digits: some BidirectionalCollection<UInt8>) {
        var limbs: [UInt32] = []
        limbs.reserveCapacity(digits.count / 9 + 1)
        var limb: UInt32 = 0
        var multiplier: UInt32 = 1
        for digit in digits.reversed() {
            limb += UInt32(digit - UInt8(ascii: "0")) * multiplier
            multiplier *= 10
            if multiplier == 1_000_000_000 {
                limbs.append(limb)
                limb = 0
                multiplier = 1
            }
        }
        if multiplier > 1 { limbs.append(limb) }
        self.init(limbs: limbs)
    }

    private mutating func trim() {
        while limbs.last == 0 { limbs.removeLast() }
    }

    var isZero: Bool { limbs.isEmpty }

    /// The number of decimal digits (0 for zero).
    var digitCount: Int {
        guard let top = limbs.last else { return 0 }
        return (limbs.count - 1) * 9 + String(top).count
    }

    /// The number in decimal, `"0"` for zero.
    var decimalText: String {
        guard let top = limbs.last else { return "0" }
        var text = String(top)
        text.reserveCapacity(limbs.count * 9)
        for limb in limbs.dropLast().reversed() {
            let part = String(limb)
            text += String(repeating: "0", count: 9 - part.count) + part
        }
        return text
    }

    /// How many times 10 divides the number (0 for zero).
    var trailingDecimalZeros: Int {
        guard let first = limbs.firstIndex(where: { $0 != 0 }) else { return 0 }
        var count = first * 9
        var limb = limbs[first]
        while limb % 10 == 0 {
            count += 1
            limb /= 10
        }
        return count
    }

    static func < (left: DecimalMagnitude, right: DecimalMagnitude) -> Bool {
        compare(left, right) < 0
    }

    static func compare(_ left: DecimalMagnitude, _ right: DecimalMagnitude) -> Int {
        if left.limbs.count != right.limbs.count { return left.limbs.count < right.limbs.count ? -1 : 1 }
        for index in stride(from: left.limbs.count - 1, through: 0, by: -1) where left.limbs[index] != right.limbs[index] {
            return left.limbs[index] < right.limbs[index] ? -1 : 1
        }
        return 0
    }

    static func + (left: DecimalMagnitude, right: DecimalMagnitude) -> DecimalMagnitude {
        var result: [UInt32] = []
        result.reserveCapacity(max(left.limbs.count, right.limbs.count) + 1)
        var carry: UInt64 = 0
        for index in 0..<max(left.limbs.count, right.limbs.count) {
            let sum = UInt64(left.limbs.indices.contains(index) ? left.limbs[index] : 0)
                + UInt64(right.limbs.indices.contains(index) ? right.limbs[index] : 0) + carry
            result.append(UInt32(sum % limbBase))
            carry = sum / limbBase
        }
        if carry > 0 { result.append(UInt32(carry)) }
        return DecimalMagnitude(limbs: result)
    }

    /// `left - right`; the caller guarantees `left >= right`.
    static func - (left: DecimalMagnitude, right: DecimalMagnitude) -> DecimalMagnitude {
        var result = left.limbs
        var borrow: Int64 = 0
        for index in result.indices {
            var difference = Int64(result[index]) - borrow - Int64(right.limbs.indices.contains(index) ? right.limbs[index] : 0)
            borrow = 0
            if difference < 0 {
                difference += Int64(limbBase)
                borrow = 1
            }
            result[index] = UInt32(difference)
        }
        return DecimalMagnitude(limbs: result)
    }

    /// The number times `factor` (at most 2³²).
    func multiplied(by factor: UInt64) -> DecimalMagnitude {
        guard factor != 1 else { return self }
        var result: [UInt32] = []
        result.reserveCapacity(limbs.count + 2)
        var carry: UInt64 = 0
        for limb in limbs {
            let product = UInt64(limb) * factor + carry
            result.append(UInt32(product % Self.limbBase))
            carry = product / Self.limbBase
        }
        while carry > 0 {
            result.append(UInt32(carry % Self.limbBase))
            carry /= Self.limbBase
        }
        return DecimalMagnitude(limbs: result)
    }

    /// The number times 10^`power`.
    func shiftedLeft(decimalDigits power: Int) -> DecimalMagnitude {
        guard !isZero, power > 0 else { return self }
        let shifted = DecimalMagnitude(limbs: [UInt32](repeating: 0, count: power / 9) + limbs)
        return shifted.multiplied(by: Self.powersOfTen[power % 9])
    }

    /// The number divided by 10^`power`, truncated, and whether the division left no remainder.
    func shiftedRight(decimalDigits power: Int) -> (quotient: DecimalMagnitude, exact: Bool) {
        guard power > 0 else { return (self, true) }
        if power >= digitCount { return (.zero, isZero) }
        let dropped = power / 9
        var exact = limbs[..<dropped].allSatisfy { $0 == 0 }
        let (quotient, remainder) = DecimalMagnitude(limbs: Array(limbs[dropped...])).divided(by: Self.powersOfTen[power % 9])
        exact = exact && remainder == 0
        return (quotient, exact)
    }

    /// The quotient and remainder of a division by `divisor` (1 to 10⁹).
    func divided(by divisor: UInt64) -> (quotient: DecimalMagnitude, remainder: UInt64) {
        guard divisor != 1 else { return (self, 0) }
        var result = [UInt32](repeating: 0, count: limbs.count)
        var remainder: UInt64 = 0
        for index in stride(from: limbs.count - 1, through: 0, by: -1) {
            let current = remainder * Self.limbBase + UInt64(limbs[index])
            result[index] = UInt32(current / divisor)
            remainder = current % divisor
        }
        return (DecimalMagnitude(limbs: result), remainder)
    }
}
