/// Go's `math.Pow10`, table for table, so that `asApproximateFloat()` rounds exactly as Kubernetes does.
enum GoPow10 {
    private static let small: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
        1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22, 1e23, 1e24, 1e25, 1e26, 1e27, 1e28, 1e29, 1e30, 1e31,
    ]
    private static let positive32: [Double] = [1e0, 1e32, 1e64, 1e96, 1e128, 1e160, 1e192, 1e224, 1e256, 1e288]
    private static let negative32: [Double] = [
        1e-0, 1e-32, 1e-64, 1e-96, 1e-128, 1e-160, 1e-192, 1e-224, 1e-256, 1e-288,
        Double(bitPattern: 2024), // 1e-320, a subnormal: 2024 × 2⁻¹⁰⁷⁴
    ]

    /// 10^`exponent`: exact table products for -323…308, +∞ above, 0 below.
    static func power(_ exponent: Int) -> Double {
        if exponent >= 0 && exponent <= 308 {
            return positive32[exponent / 32] * small[exponent % 32]
        }
        if exponent >= -323 && exponent <= 0 {
            return negative32[-exponent / 32] / small[-exponent % 32]
        }
        return exponent > 0 ? .infinity : 0
    }
}
