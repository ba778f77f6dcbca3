/// blang/semver v4's `Parse` and Kubernetes' `normalizeAndParse`, with their error texts.
enum KubeSemverParser {
    private static let digits = Set("0123456789".unicodeScalars)
    private static let alphanumerics = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-0123456789".unicodeScalars)

    /// Kubernetes' normalization: drop one leading `v`, strip leading zeros of the first three dot
    /// parts, and fill a missing minor or patch with 0 (refused when the short version carries a
    /// pre-release or build part).
    static func normalized(_ text: String) throws(KubeLibraryError) -> String {
        let trimmed = text.utf8.first == UInt8(ascii: "v") ? String(decoding: text.utf8.dropFirst(), as: UTF8.self) : text
        var parts = splitN(trimmed, separator: ".", limit: 3).map { part -> String in
            guard part.utf8.count > 1 else { return part }
            let stripped = String(decoding: part.utf8.drop { $0 == UInt8(ascii: "0") }, as: UTF8.self)
            guard let first = stripped.unicodeScalars.first, digits.contains(first) else { return "0" + stripped }
            return stripped
        }
        if parts.count < 3 {
            if let last = parts.last, last.utf8.contains(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }) {
                throw KubeLibraryError("short version cannot contain PreRelease/Build meta data")
            }
            while parts.count < 3 { parts.append("0") }
        }
        return parts.joined(separator: ".")
    }

    /// blang's strict `Parse`.
    static func parse(_ text: String) throws(KubeLibraryError) -> KubeSemver {
        if text.isEmpty { throw KubeLibraryError("Version string empty") }
        let parts = splitN(text, separator: ".", limit: 3)
        guard parts.count == 3 else { throw KubeLibraryError("No Major.Minor.Patch elements found") }
        let major = try number(parts[0], name: "major")
        let minor = try number(parts[1], name: "minor")
        var patchText = Array(parts[2].utf8)[...]
        var build: [String] = []
        var prerelease: [String] = []
        if let plus = patchText.firstIndex(of: UInt8(ascii: "+")) {
            build = splitN(String(decoding: patchText[(plus + 1)...], as: UTF8.self), separator: ".", limit: .max)
            patchText = patchText[..<plus]
        }
        if let dash = patchText.firstIndex(of: UInt8(ascii: "-")) {
            prerelease = splitN(String(decoding: patchText[(dash + 1)...], as: UTF8.self), separator: ".", limit: .max)
            patchText = patchText[..<dash]
        }
        let patch = try number(String(decoding: patchText, as: UTF8.self), name: "patch")
        var identifiers: [KubeSemver.PrereleaseIdentifier] = []
        for part in prerelease {
            identifiers.append(try prereleaseIdentifier(part))
        }
        for part in build {
            if part.isEmpty { throw KubeLibraryError("Build meta data is empty") }
            if !containsOnly(part, alphanumerics) {
                throw KubeLibraryError("Invalid character(s) found in build meta data " + GoQuote.quote(part))
            }
        }
        return KubeSemver(major: major, minor: minor, patch: patch, prerelease: identifiers, build: build)
    }

    private static func number(_ text: String, name: String) throws(KubeLibraryError) -> UInt64 {
        if !containsOnly(text, digits) {
            throw KubeLibraryError("Invalid character(s) found in \(name) number " + GoQuote.quote(text))
        }
        if hasLeadingZero(text) {
            throw KubeLibraryError(name.prefix(1).uppercased() + name.dropFirst() + " number must not contain leading zeroes " + GoQuote.quote(text))
        }
        return try parseUInt(text)
    }

    private static func prereleaseIdentifier(_ text: String) throws(KubeLibraryError) -> KubeSemver.PrereleaseIdentifier {
        if text.isEmpty { throw KubeLibraryError("Prerelease is empty") }
        if containsOnly(text, digits) {
            if hasLeadingZero(text) {
                throw KubeLibraryError("Numeric PreRelease version must not contain leading zeroes " + GoQuote.quote(text))
            }
            return .numeric(try parseUInt(text))
        }
        if containsOnly(text, alphanumerics) { return .alphanumeric(text) }
        throw KubeLibraryError("Invalid character(s) found in prerelease " + GoQuote.quote(text))
    }

    /// Go's `strconv.ParseUint(text, 10, 64)` on digits, with its error texts.
    private static func parseUInt(_ text: String) throws(KubeLibraryError) -> UInt64 {
        if text.isEmpty { throw KubeLibraryError("strconv.ParseUint: parsing " + GoQuote.quote(text) + ": invalid syntax") }
        guard let value = UInt64(text) else {
            throw KubeLibraryError("strconv.ParseUint: parsing " + GoQuote.quote(text) + ": value out of range")
        }
        return value
    }

    private static func containsOnly(_ text: String, _ allowed: Set<Unicode.Scalar>) -> Bool {
        text.unicodeScalars.allSatisfy { allowed.contains($0) }
    }

    private static func hasLeadingZero(_ text: String) -> Bool {
        text.utf8.count > 1 && text.utf8.first == UInt8(ascii: "0")
    }

    /// Go's `strings.SplitN(text, separator, limit)` on an ASCII separator (byte-wise, as Go splits).
    private static func splitN(_ text: String, separator: Unicode.Scalar, limit: Int) -> [String] {
        text.utf8.split(separator: UInt8(ascii: separator), maxSplits: limit - 1, omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
    }
}
