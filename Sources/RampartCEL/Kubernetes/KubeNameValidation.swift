/// Kubernetes' name validators (`k8s.io/apimachinery/pkg/util/validation` and
/// `pkg/api/validate/content`) with their exact messages. The regular expressions are matched by hand
/// on bytes; they only admit ASCII, so any other byte fails them as it does in Go.
enum KubeNameValidation {
    private static let labelFormat = "[a-z0-9]([-a-z0-9]*[a-z0-9])?"
    private static let subdomainFormat = labelFormat + "(\\." + labelFormat + ")*"
    private static let dns1035Format = "[a-z]([-a-z0-9]*[a-z0-9])?"
    private static let labelKeyFormat = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]"

    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isLowerAlphanumeric(byte) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    /// `[a-z0-9]([-a-z0-9]*[a-z0-9])?`
    private static func matchesLabel(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last, isLowerAlphanumeric(first), isLowerAlphanumeric(last) else { return false }
        return bytes.allSatisfy { isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") }
    }

    /// Labels joined by dots.
    private static func matchesSubdomain(_ bytes: [UInt8]) -> Bool {
        bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).allSatisfy(matchesLabel)
    }

    /// `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`
    private static func matchesLabelKey(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last, isAlphanumeric(first), isAlphanumeric(last) else { return false }
        return bytes.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }
    }

    private static func maxLengthError(_ length: Int, unit: String) -> String {
        "must be no more than \(length) \(unit)"
    }

    /// Kubernetes' `RegexError`.
    private static func regexError(_ message: String, _ format: String, _ examples: String...) -> String {
        let shown = examples.map { "'" + $0 + "', " }.joined(separator: " or ")
        return message + " (e.g. " + shown + "regex used for validation is '" + format + "')"
    }

    /// `IsDNS1123Label`.
    static func dns1123Label(_ bytes: [UInt8]) -> [String] {
        var errors: [String] = []
        if bytes.count > 63 { errors.append(maxLengthError(63, unit: "characters")) }
        if !matchesLabel(bytes[...]) {
            if matchesSubdomain(bytes) {
                errors.append("must not contain dots")
            } else {
                errors.append(regexError("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character", labelFormat, "my-name", "123-abc"))
            }
        }
        return errors
    }

    /// `IsDNS1123Subdomain` (`maxLengthUnit`: "characters" in `util/validation`, "bytes" in
    /// `validate/content`).
    static func dns1123Subdomain(_ bytes: [UInt8], maxLengthUnit: String) -> [String] {
        var errors: [String] = []
        if bytes.count > 253 { errors.append(maxLengthError(253, unit: maxLengthUnit)) }
        if !matchesSubdomain(bytes) {
            errors.append(regexError("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character", subdomainFormat, "example.com"))
        }
        return errors
    }

    /// `IsDNS1035Label`.
    static func dns1035Label(_ bytes: [UInt8]) -> [String] {
        var errors: [String] = []
        if bytes.count > 63 { errors.append(maxLengthError(63, unit: "characters")) }
        let startsWithLetter = bytes.first.map { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") } ?? false
        if !(startsWithLetter && matchesLabel(bytes[...])) {
            errors.append(regexError("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character", dns1035Format, "my-name", "abc-123"))
        }
        return errors
    }

    /// `IsQualifiedName` (`content.IsLabelKey`): an optional DNS subdomain prefix and `/`, then a
    /// name of at most 63 bytes.
    static func qualifiedName(_ bytes: [UInt8]) -> [String] {
        var errors: [String] = []
        let parts = bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        let keyError = regexError("must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character", labelKeyFormat, "MyName", "my.name", "123-abc")
        let name: ArraySlice<UInt8>
        switch parts.count {
        case 1:
            name = parts[0]
        case 2:
            name = parts[1]
            if parts[0].isEmpty {
                errors.append("prefix part must be non-empty")
            } else {
                errors += dns1123Subdomain(Array(parts[0]), maxLengthUnit: "bytes").map { "prefix part " + $0 }
            }
        default:
            return ["a valid label key " + keyError + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"]
        }
        if name.isEmpty {
            errors.append("name part must be non-empty")
        } else if name.count > 63 {
            errors.append("name part " + maxLengthError(63, unit: "bytes"))
        }
        if !matchesLabelKey(name) { errors.append("name part " + keyError) }
        return errors
    }

    /// `IsValidLabelValue` (`content.IsLabelValue`): empty, or a label-key name of at most 63 bytes.
    static func labelValue(_ bytes: [UInt8]) -> [String] {
        var errors: [String] = []
        if bytes.count > 63 { errors.append(maxLengthError(63, unit: "bytes")) }
        if !bytes.isEmpty && !matchesLabelKey(bytes[...]) {
            errors.append(regexError("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character", "(" + labelKeyFormat + ")?", "MyValue", "my_value", "12345"))
        }
        return errors
    }
}
