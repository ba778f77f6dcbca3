/// `add` and `sub` on quantities (Go's `Quantity.Add` and `Quantity.Sub` on a copy of the receiver):
/// the `Int64` form while it does not overflow, the arbitrary-precision form after. A zero receiver
/// takes the format of the other operand.
extension KubeQuantity {
    /// `add(other)`.
    public func adding(_ other: KubeQuantity) throws(KubeLibraryError) -> KubeQuantity {
        var result = self
        result.parsedText = nil
        if case .int64(var left) = amount, case .int64(let right) = other.amount {
            if left.value == 0 { result.format = other.format }
            if left.add(right) {
                result.amount = .int64(left)
                return result
            }
        } else if amount.sign == 0 {
            result.format = other.format
        }
        result.amount = .decimal(try Self.exact { () throws(InfDecimal.TooLarge) in
            try InfDecimal.sum(amount.asDecimal, other.amount.asDecimal)
        })
        return result
    }

    /// `add(int)`: adds the integer as `NewQuantity(value, DecimalExponent)`.
    public func adding(_ value: Int64) throws(KubeLibraryError) -> KubeQuantity {
        try adding(KubeQuantity(integer: value))
    }

    /// `sub(other)`.
    public func subtracting(_ other: KubeQuantity) throws(KubeLibraryError) -> KubeQuantity {
        var result = self
        result.parsedText = nil
        if amount.sign == 0 { result.format = other.format }
        if case .int64(var left) = amount, case .int64(let right) = other.amount, left.subtract(right) {
            result.amount = .int64(left)
            return result
        }
        result.amount = .decimal(try Self.exact { () throws(InfDecimal.TooLarge) in
            try InfDecimal.difference(amount.asDecimal, other.amount.asDecimal)
        })
        return result
    }

    /// `sub(int)`.
    public func subtracting(_ value: Int64) throws(KubeLibraryError) -> KubeQuantity {
        try subtracting(KubeQuantity(integer: value))
    }

    private static func exact(_ operation: () throws(InfDecimal.TooLarge) -> InfDecimal) throws(KubeLibraryError) -> InfDecimal {
        do {
            return try operation()
        } catch {
            throw KubeQuantityParser.tooLargeError
        }
    }
}
