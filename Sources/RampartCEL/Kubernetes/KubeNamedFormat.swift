/// A Kubernetes CEL `kubernetes.NamedFormat` value: one of the 13 formats of `format.<name>()` and
/// `format.named(name)`, whose `validate(value)` lists Kubernetes' error messages for a string (no
/// message: valid).
///
/// Two formats are equal when they are the same format (Kubernetes compares their names).
public enum KubeNamedFormat: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// The CEL type name.
    public static let celTypeName = "kubernetes.NamedFormat"

    case dns1123Label
    case dns1123Subdomain
    case dns1035Label
    case qualifiedName
    case dns1123LabelPrefix
    case dns1123SubdomainPrefix
    case dns1035LabelPrefix
    case labelValue
    case uri
    case uuid
    case byte
    case date
    case datetime

    /// `format.named(name)`: the format of that CEL name (`"dns1123Label"`, …), nil (CEL's
    /// `optional.none()`) for any other name.
    public init?(named name: String) {
        self.init(rawValue: name)
    }

    /// The format's name in Kubernetes (`DNS1123Label`, `uuid`, …).
    public var kubernetesName: String {
        switch self {
        case .dns1123Label: return "DNS1123Label"
        case .dns1123Subdomain: return "DNS1123Subdomain"
        case .dns1035Label: return "DNS1035Label"
        case .qualifiedName: return "QualifiedName"
        case .dns1123LabelPrefix: return "DNS1123LabelPrefix"
        case .dns1123SubdomainPrefix: return "DNS1123SubdomainPrefix"
        case .dns1035LabelPrefix: return "DNS1035LabelPrefix"
        case .labelValue: return "LabelValue"
        case .uri: return "URI"
        case .uuid, .byte, .date, .datetime: return rawValue
        }
    }

    /// `validate(value)`: Kubernetes' messages for `value`, empty when it is valid (CEL:
    /// `optional.none()`, else `optional.of(messages)`).
    public func validate(_ value: String) -> [String] {
        let bytes = Array(value.utf8)
        switch self {
        case .dns1123Label: return KubeNameValidation.dns1123Label(bytes)
        case .dns1123Subdomain: return KubeNameValidation.dns1123Subdomain(bytes, maxLengthUnit: "characters")
        case .dns1035Label: return KubeNameValidation.dns1035Label(bytes)
        case .qualifiedName: return KubeNameValidation.qualifiedName(bytes)
        case .dns1123LabelPrefix: return KubeNameValidation.dns1123Label(Self.maskingTrailingDash(bytes))
        case .dns1123SubdomainPrefix:
            return KubeNameValidation.dns1123Subdomain(Self.maskingTrailingDash(bytes), maxLengthUnit: "characters")
        case .dns1035LabelPrefix: return KubeNameValidation.dns1035Label(Self.maskingTrailingDash(bytes))
        case .labelValue: return KubeNameValidation.labelValue(bytes)
        case .uri:
            do {
                _ = try GoURLParser.parseRequestURI(value)
                return []
            } catch {
                return [error.text]
            }
        case .uuid: return KubeStringFormats.isUUID(bytes) ? [] : ["does not match the UUID format"]
        case .byte: return KubeStringFormats.isBase64(bytes) ? [] : ["invalid base64"]
        case .date: return KubeStringFormats.isDate(bytes[...]) ? [] : ["invalid date"]
        case .datetime: return KubeStringFormats.isDateTime(value) ? [] : ["invalid datetime"]
        }
    }

    /// Kubernetes' `maskTrailingDash` for the `…Prefix` formats (a generated name's prefix may end in
    /// `-`): a trailing dash and the byte before it become `a`.
    private static func maskingTrailingDash(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count > 1, bytes.last == UInt8(ascii: "-") else { return bytes }
        return Array(bytes.dropLast(2)) + [UInt8(ascii: "a")]
    }

    /// The CEL name (`dns1123Label`, …).
    public var description: String { rawValue }
}
