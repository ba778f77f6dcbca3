/// Simple case-folding orbits: the sets of scalars that `(?i)` treats as equal, the cycles Go's
/// `unicode.SimpleFold` walks (`k`, `K` and the Kelvin sign `K`; `s`, `S` and the long s `ſ`; `σ`, `ς`, `Σ`).
///
/// Derived once, on first use, from the standard library's Unicode case mappings: two scalars share an orbit
/// when lowercasing the uppercase of each gives the same single scalar. Dotless `ı` is the one scalar whose
/// mapping links it to `i` only under Turkic folding, which Go does not apply; it stays alone.
enum CaseFolding {
    /// The largest scalar value that takes part in simple case folding (as in Go's tables).
    private static let maximumFoldingValue: UInt32 = 0x1E943

    /// Every scalar that has case partners, mapped to its whole orbit (itself included), sorted.
    private static let orbits: [UInt32: [UInt32]] = {
        var members: [UInt32: [UInt32]] = [:]
        for value in UInt32(0x41)...maximumFoldingValue {
            guard let scalar = Unicode.Scalar(value), scalar.properties.changesWhenCaseMapped else { continue }
            members[foldKey(scalar), default: []].append(value)
        }
        var orbits: [UInt32: [UInt32]] = [:]
        for orbit in members.values where orbit.count > 1 {
            for value in orbit { orbits[value] = orbit }
        }
        return orbits
    }()

    /// The scalars that `(?i)` treats as equal to `value`, `value` itself included.
    static func orbit(of value: UInt32) -> [UInt32] {
        guard value >= 0x41, value <= maximumFoldingValue else { return [value] }
        return orbits[value] ?? [value]
    }

    /// Whether `a` and `b` are equal under simple case folding.
    static func equivalent(_ a: UInt32, _ b: UInt32) -> Bool {
        a == b || orbit(of: a).contains(b)
    }

    private static func foldKey(_ scalar: Unicode.Scalar) -> UInt32 {
        if scalar.value == 0x131 { return scalar.value }
        let upper = single(scalar.properties.uppercaseMapping) ?? scalar
        return (single(upper.properties.lowercaseMapping) ?? upper).value
    }

    private static func single(_ mapping: String) -> Unicode.Scalar? {
        let scalars = mapping.unicodeScalars
        return scalars.count == 1 ? scalars.first : nil
    }
}
