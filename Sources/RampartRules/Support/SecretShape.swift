/// Recognises values that look like credentials, from the key's name and the value's shape,
/// without ever returning or storing the value. Works on UTF-8 bytes: it runs on every env
/// variable and ConfigMap key of a cluster.
public enum SecretShape {
    /// Key-name fragments that announce a credential (compared case-insensitively, without `-`/`_`/`.`).
    static let secretNameFragments = bytes([
        "password", "passwd", "pwd", "secret", "token", "apikey", "accesskey", "privatekey",
        "credential", "clientsecret", "authkey", "signingkey", "encryptionkey",
    ])

    /// Name endings that look secret but name something harmless (a path, a reference, a switch).
    static let harmlessNameEndings = bytes([
        "file", "path", "dir", "ref", "name", "url", "endpoint", "enabled", "enable", "length", "ttl",
        "expiry", "expiration", "timeout", "policy", "mode", "type", "count", "header", "secretname",
        "namespace", "id", "version",
    ])

    /// Fragments of values that are placeholders, not credentials.
    static let placeholderFragments = bytes(["your", "replace", "placeholder", "example", "xxxx", "redacted", "dummy"])

    /// Prefixes of well-known token formats that are secret whatever the key says.
    static let knownTokenPrefixes = ["AKIA", "ghp_", "gho_", "github_pat_", "glpat-", "xoxb-", "xoxp-", "sk_live_", "-----BEGIN"]

    /// Values that are switches, not secrets.
    static let switchWords: Set<String> = ["true", "false", "enabled", "disabled", "required", "optional"]

    /// True when `name` announces a credential.
    public static func isSecretName(_ name: String) -> Bool {
        let normalised = normalise(name)
        guard secretNameFragments.contains(where: { contains(normalised, $0) }) else { return false }
        return !harmlessNameEndings.contains(where: { normalised.hasSuffix($0) })
    }

    /// True when `value` has the shape of a real credential rather than a switch, path or reference.
    public static func isSecretValue(_ value: String) -> Bool {
        if isKnownToken(value) { return true }
        guard value.utf8.count < 4096 else { return false }
        let trimmed = value.trimmingWhitespace
        guard trimmed.utf8.count >= 6, !trimmed.utf8.contains(0x20), Set(trimmed.utf8).count > 2,
              let first = trimmed.utf8.first, !"${</".utf8.contains(first) else { return false }
        return !switchWords.contains(trimmed.lowercased())
    }

    /// True for a key/value pair that is a literal credential. Cheap tests first: most values are
    /// neither under a secret-sounding name nor known tokens, and some are whole files.
    public static func isLiteralSecret(name: String, value: String) -> Bool {
        if isKnownToken(value) { return true }
        return isSecretName(name) && isSecretValue(value) && !isPlaceholder(value, name: name)
    }

    /// True for values that stand for a credential to be filled in: the variable's own name, an
    /// `ALL_CAPS` identifier, or words like "your…", "replace…", "example".
    static func isPlaceholder(_ value: String, name: String) -> Bool {
        if value.allSatisfy({ $0.isUppercase || $0 == "_" || $0 == "-" }) { return true }
        let lowered = Array(value.lowercased().utf8)
        if lowered == Array(name.lowercased().utf8) { return true }
        return placeholderFragments.contains { contains(lowered, $0) }
    }

    /// The first bytes of `knownTokenPrefixes`: nearly every value starts with none of them, and
    /// comparing it with each prefix in turn was most of `secrets.literal-in-env`'s time.
    static let knownTokenFirstBytes = Set(knownTokenPrefixes.compactMap(\.utf8.first))

    /// True when the value, after leading whitespace, starts like a well-known token.
    private static func isKnownToken(_ value: String) -> Bool {
        guard let start = value.utf8.firstIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }),
              knownTokenFirstBytes.contains(value.utf8[start]) else { return false }
        let rest = value.utf8[start...]
        return knownTokenPrefixes.contains { rest.starts(with: $0.utf8) }
    }

    /// Lower-case ASCII letters and digits of `text`, other bytes dropped.
    private static func normalise(_ text: String) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): result.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): result.append(byte | 0x20)
            default: break
            }
        }
        return result
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }

    private static func bytes(_ words: [String]) -> [[UInt8]] {
        words.map { Array($0.utf8) }
    }
}

private extension Array where Element == UInt8 {
    func hasSuffix(_ suffix: [UInt8]) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }
}

extension String {
    /// The string without leading and trailing whitespace (itself when there is none, without copying).
    var trimmingWhitespace: String {
        guard let first = first, let last = last, first.isWhitespace || last.isWhitespace else { return self }
        return String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
