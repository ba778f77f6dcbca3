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

    /// Prefixes of well-known token formats that are secret whatever the key says. PEM blocks
    /// (`-----BEGIN …`) are judged by their label instead: see `pemVerdict`.
    static let knownTokenPrefixes = ["AKIA", "ghp_", "gho_", "github_pat_", "glpat-", "xoxb-", "xoxp-", "sk_live_"]

    /// Name endings of keys that name a key in general (`STORAGE_ACCOUNT_KEY`, `OCI_CLI_KEY_CONTENT`):
    /// a credential only when the value is key material (see `isKeyMaterial`), since `CACHE_KEY`,
    /// `SORT_KEY` and `PARTITION_KEY` hold ordinary words.
    static let keyNameEndings = bytes([
        "key", "keycontent", "keycontents", "keydata", "keyvalue", "keymaterial", "keyb64", "keybase64", "keypem",
        "keyjson", "keystring", "keybytes",
    ])

    /// Name fragments of keys that are public by design (`VAPID_PUBLIC_KEY`, `STRIPE_PUBLISHABLE_KEY`),
    /// or that hold a GPG key's fingerprint (`GPG_KEY`, as official images set it; a GPG private key
    /// is an armored PEM-like block, found by `pemVerdict` under any name).
    static let publicKeyNameFragments = bytes(["publickey", "pubkey", "publishablekey", "sitekey", "gpgkey", "pgpkey"])

    /// PEM labels (`-----BEGIN <label>-----`) of public material: certificates, certificate requests,
    /// revocation lists, public keys and parameters. Any other label (`PRIVATE KEY`, `RSA PRIVATE KEY`,
    /// `OPENSSH PRIVATE KEY`, `PGP PRIVATE KEY BLOCK`, an unknown one) counts as a credential.
    static let publicPEMLabels: Set<String> = [
        "CERTIFICATE", "TRUSTED CERTIFICATE", "X509 CERTIFICATE", "ATTRIBUTE CERTIFICATE", "X509 CRL",
        "CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST", "PUBLIC KEY", "RSA PUBLIC KEY", "PKCS7", "CMS",
        "DH PARAMETERS", "X9.42 DH PARAMETERS", "EC PARAMETERS", "DSA PARAMETERS", "PGP PUBLIC KEY BLOCK",
        "PGP SIGNATURE", "PGP SIGNED MESSAGE",
    ]

    /// Values that are switches, not secrets.
    static let switchWords: Set<String> = ["true", "false", "enabled", "disabled", "required", "optional"]

    /// True when `name` announces a credential.
    public static func isSecretName(_ name: String) -> Bool {
        isSecretName(normalised: normalise(name))
    }

    private static func isSecretName(normalised: [UInt8]) -> Bool {
        guard secretNameFragments.contains(where: { contains(normalised, $0) }) else { return false }
        return !harmlessNameEndings.contains(where: { normalised.hasSuffix($0) })
    }

    /// True when `name` names a key of some kind (`*_KEY`, `*ACCOUNT_KEY`, `*KEY_CONTENT`) that is
    /// not public by design; its value decides (`isKeyMaterial`).
    public static func isKeyName(_ name: String) -> Bool {
        isKeyName(normalised: normalise(name))
    }

    private static func isKeyName(normalised: [UInt8]) -> Bool {
        keyNameEndings.contains(where: { normalised.hasSuffix($0) })
            && !publicKeyNameFragments.contains(where: { contains(normalised, $0) })
    }

    /// True when `value` looks like generated key material rather than a word, identifier or path:
    /// at least 32 characters of one encoding, spread over many distinct characters, no character
    /// repeated much, with both letters and digits:
    /// - hex (`0-9a-f`, either case);
    /// - base32 (`A-Z2-7`, `=` padding), as TOTP seeds;
    /// - base64 or base64url, with upper and lower case each at least a fifth of the letters, and
    ///   capitals next to each other or a third of the letters (CamelCase has few, single capitals).
    /// Ordinary values (`users`, `name`, `X-Api-Key`, `myservice-production-cache-v2-2024`,
    /// `UsersByRegionAndDate2024Version1`) are none.
    public static func isKeyMaterial(_ value: String) -> Bool {
        let trimmed = value.trimmingWhitespace.utf8
        let count = trimmed.count
        guard count >= 32, count <= 16_384 else { return false }
        var upper = 0, lower = 0, digits = 0, nonHex = 0, nonBase32 = 0, upperPairs = 0
        var previousUpper = false
        var seen = [Int](repeating: 0, count: 128)
        for byte in trimmed {
            let isUpper = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
            if isUpper && previousUpper { upperPairs += 1 }
            previousUpper = isUpper
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                upper += 1
                if byte > UInt8(ascii: "F") { nonHex += 1 }
            case UInt8(ascii: "a")...UInt8(ascii: "z"):
                lower += 1
                nonBase32 += 1
                if byte > UInt8(ascii: "f") { nonHex += 1 }
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits += 1
                if byte < UInt8(ascii: "2") || byte > UInt8(ascii: "7") { nonBase32 += 1 }
            case UInt8(ascii: "="):
                nonHex += 1
            case UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                nonHex += 1
                nonBase32 += 1
            default:
                return false
            }
            seen[Int(byte)] += 1
        }
        let letters = upper + lower
        guard digits > 0, letters > 0, let most = seen.max(), most * 4 <= count else { return false }
        let distinct = seen.count { $0 > 0 }
        if nonHex == 0 { return distinct >= 10 }
        if nonBase32 == 0 { return distinct >= 12 }
        return distinct >= 16 && upper * 5 >= letters && lower * 5 >= letters && (upperPairs > 0 || upper * 3 >= letters)
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

    /// True for a key/value pair that is a literal credential:
    /// - a value with PEM blocks is one exactly when a block is not public (a private key), whatever
    ///   the name: `ca.crt` with a certificate is not, `tls.pem` with a certificate and its key is;
    /// - a value that starts like a well-known token is one;
    /// - under a secret-sounding name (`DB_PASSWORD`, `API_TOKEN`), a value shaped like a credential;
    /// - under a key name (`STORAGE_ACCOUNT_KEY`, `OCI_CLI_KEY_CONTENT`), a value that is key material.
    /// Cheap tests first: most values are neither under such a name nor tokens, and some are whole files.
    public static func isLiteralSecret(name: String, value: String) -> Bool {
        if let verdict = pemVerdict(value) { return verdict }
        if isKnownToken(value) { return true }
        let normalisedName = normalise(name)
        if isSecretName(normalised: normalisedName) {
            return isSecretValue(value) && !isPlaceholder(value, name: name)
        }
        return isKeyName(normalised: normalisedName) && isKeyMaterial(value) && !isPlaceholder(value, name: name)
    }

    /// The start of a PEM block, before its label.
    static let pemMarker = Array("-----BEGIN".utf8)

    /// For a value holding PEM blocks, whether one of them is secret (a label outside
    /// `publicPEMLabels`, or a marker without a readable label); nil when there is no PEM block.
    static func pemVerdict(_ value: String) -> Bool? {
        var value = value
        return value.withUTF8 { bytes -> Bool? in
            let marker = pemMarker
            var found = false
            var start = 0
            while let dash = bytes[start...].firstIndex(of: UInt8(ascii: "-")) {
                guard bytes.count - dash >= marker.count else { break }
                guard bytes[dash..<(dash + marker.count)].elementsEqual(marker) else {
                    start = dash + 1
                    continue
                }
                found = true
                let labelStart = dash + marker.count + 1
                guard labelStart < bytes.count, bytes[labelStart - 1] == 0x20,
                      let label = pemLabel(bytes, from: labelStart), publicPEMLabels.contains(label) else { return true }
                start = labelStart + label.utf8.count
            }
            return found ? false : nil
        }
    }

    /// The label from `start` to the next `-----`, at most 64 bytes of it.
    private static func pemLabel(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> String? {
        let end = min(bytes.count, start + 64)
        guard let dash = bytes[start..<end].firstIndex(of: UInt8(ascii: "-")),
              bytes.count - dash >= 5, bytes[dash..<(dash + 5)].allSatisfy({ $0 == UInt8(ascii: "-") }) else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<dash]), as: UTF8.self)
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
