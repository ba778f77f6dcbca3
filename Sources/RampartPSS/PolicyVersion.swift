/// A Pod Security Standards policy version: `latest` or `v1.MINOR`.
///
/// Ordered as upstream's `api.Version.Older`: `latest` is newer than every numbered version,
/// including versions this build does not know yet.
public enum PolicyVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    case latest
    case v1(minor: Int)

    /// Parses `latest` or `v1.MINOR` the way upstream's `api.ParseVersion` does
    /// (`^v1\.([0-9]|[1-9][0-9]*)$`: no leading zeros, no patch part); nil for anything else.
    public init?(parsing text: String) {
        if text == "latest" {
            self = .latest
            return
        }
        guard text.hasPrefix("v1.") else { return nil }
        let digits = text.dropFirst(3)
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy(\.isASCIIDigit),
              digits.count == 1 || digits.first != "0", let minor = Int(digits) else { return nil }
        self = .v1(minor: minor)
    }

    public var description: String {
        switch self {
        case .latest: "latest"
        case .v1(let minor): "v1.\(minor)"
        }
    }

    public static func < (lhs: PolicyVersion, rhs: PolicyVersion) -> Bool {
        switch (lhs, rhs) {
        case (.latest, _): false
        case (.v1, .latest): true
        case (.v1(let left), .v1(let right)): left < right
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
