/// Recognises values that look like credentials, from the key's name and the value's shape,
/// without ever returning or storing the value.
public enum SecretShape {
    /// Key-name fragments that announce a credential (compared case-insensitively, without `-`/`_`/`.`).
    static let secretNameFragments = [
        "password", "passwd", "pwd", "secret", "token", "apikey", "accesskey", "privatekey",
        "credential", "clientsecret", "authkey", "signingkey", "encryptionkey",
    ]

    /// Name fragments that look secret but name something harmless (a path, a reference, a switch).
    static let harmlessNameFragments = [
        "file", "path", "dir", "ref", "name", "url", "endpoint", "enabled", "enable", "length", "ttl",
        "expiry", "expiration", "timeout", "policy", "mode", "type", "count", "header", "secretname",
        "namespace", "id", "version",
    ]

    /// Fragments of values that are placeholders, not credentials.
    static let placeholderFragments = ["your", "replace", "placeholder", "example", "xxxx", "redacted", "dummy"]

    /// Prefixes of well-known token formats that are secret whatever the key says.
    static let knownTokenPrefixes = ["AKIA", "ghp_", "gho_", "github_pat_", "glpat-", "xoxb-", "xoxp-", "sk_live_", "-----BEGIN"]

    /// True when `name` announces a credential.
    public static func isSecretName(_ name: String) -> Bool {
        let normalised = String(name.lowercased().filter { $0.isLetter || $0.isNumber })
        guard secretNameFragments.contains(where: normalised.contains) else { return false }
        return !harmlessNameFragments.contains(where: normalised.hasSuffix)
    }

    /// True when `value` has the shape of a real credential rather than a placeholder or reference.
    public static func isSecretValue(_ value: String) -> Bool {
        let trimmed = value.trimmingWhitespace
        if knownTokenPrefixes.contains(where: trimmed.hasPrefix) { return true }
        guard trimmed.count >= 6, !trimmed.contains(" "), Set(trimmed).count > 2 else { return false }
        if trimmed.hasPrefix("$") || trimmed.hasPrefix("{{") || trimmed.hasPrefix("<") || trimmed.hasPrefix("/") { return false }
        let lowered = trimmed.lowercased()
        return !["true", "false", "enabled", "disabled", "required", "optional", "changeme-in-secret"].contains(lowered)
    }

    /// True for a key/value pair that is a literal credential.
    public static func isLiteralSecret(name: String, value: String) -> Bool {
        if knownTokenPrefixes.contains(where: value.trimmingWhitespace.hasPrefix) { return true }
        return isSecretName(name) && isSecretValue(value) && !isPlaceholder(value, name: name)
    }

    /// True for values that stand for a credential to be filled in: the variable's own name, an
    /// `ALL_CAPS` identifier, or words like "your…", "replace…", "example".
    static func isPlaceholder(_ value: String, name: String) -> Bool {
        let lowered = value.lowercased()
        if lowered == name.lowercased() { return true }
        if value.allSatisfy({ $0.isUppercase || $0 == "_" || $0 == "-" }) { return true }
        return placeholderFragments.contains(where: lowered.contains)
    }
}

extension String {
    var trimmingWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
