/// A URL as Go's `net/url.URL` holds it after `Parse` or `ParseRequestURI` (Go 1.26 rules, the
/// toolchain of the Kubernetes release the conformance cases come from). Fields are bytes, as in Go:
/// unescaping may produce bytes that are not UTF-8.
struct GoURL: Hashable, Sendable {
    var scheme: [UInt8] = []
    var opaque: [UInt8] = []
    var user: (name: [UInt8], password: [UInt8]?)?
    var host: [UInt8] = []
    var path: [UInt8] = []
    var rawPath: [UInt8] = []
    var omitHost = false
    var forceQuery = false
    var rawQuery: [UInt8] = []
    var fragment: [UInt8] = []
    var rawFragment: [UInt8] = []

    static func == (left: GoURL, right: GoURL) -> Bool { left.text == right.text }
    func hash(into hasher: inout Hasher) { hasher.combine(text) }

    /// `URL.Hostname()`: the host without port and without IPv6 brackets.
    var hostname: [UInt8] { Self.splitHostPort(host).host }

    /// `URL.Port()`: the digits after the last colon, when they form a valid port.
    var port: [UInt8] { Self.splitHostPort(host).port }

    private static func splitHostPort(_ hostPort: [UInt8]) -> (host: [UInt8], port: [UInt8]) {
        var host = hostPort[...]
        var port: ArraySlice<UInt8> = []
        if let colon = host.lastIndex(of: UInt8(ascii: ":")), GoURLParser.isValidOptionalPort(host[colon...]) {
            port = host[(colon + 1)...]
            host = host[..<colon]
        }
        if host.first == UInt8(ascii: "["), host.last == UInt8(ascii: "]"), host.count >= 2 {
            host = host.dropFirst().dropLast()
        }
        return (Array(host), Array(port))
    }

    /// `URL.EscapedPath()`: the path as written when that is a valid encoding of it, else the path
    /// escaped.
    var escapedPath: [UInt8] {
        if !rawPath.isEmpty, Self.isValidEncoded(rawPath, .path),
           let decoded = try? GoURLEscaping.unescape(rawPath[...], .path), decoded == path {
            return rawPath
        }
        if path == Array("*".utf8) { return path }
        return GoURLEscaping.escape(path, .path)
    }

    private var escapedFragment: [UInt8] {
        if !rawFragment.isEmpty, Self.isValidEncoded(rawFragment, .fragment),
           let decoded = try? GoURLEscaping.unescape(rawFragment[...], .fragment), decoded == fragment {
            return rawFragment
        }
        return GoURLEscaping.escape(fragment, .fragment)
    }

    /// Go's `validEncoded`: no byte that `mode` would escape, sub-delimiters, brackets and `%` allowed.
    static func isValidEncoded(_ text: [UInt8], _ mode: GoURLEscaping.Mode) -> Bool {
        text.allSatisfy { byte in
            "!$&'()*+,;=:@[]%".utf8.contains(byte) || !GoURLEscaping.shouldEscape(byte, mode)
        }
    }

    /// `URL.Query()`: the query parameters (pairs that fail to unescape or contain `;` are dropped;
    /// a query of more than 10,000 parameters, Go's default limit, gives none).
    var query: [String: [String]] {
        var result: [String: [String]] = [:]
        if rawQuery.lazy.filter({ $0 == UInt8(ascii: "&") }).count + 1 > 10_000 { return result }
        for pair in rawQuery.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            if pair.contains(UInt8(ascii: ";")) { continue }
            let equals = pair.firstIndex(of: UInt8(ascii: "=")) ?? pair.endIndex
            let value = equals < pair.endIndex ? pair[(equals + 1)...] : []
            guard let key = try? GoURLEscaping.unescape(pair[..<equals], .queryComponent),
                  let decoded = try? GoURLEscaping.unescape(value, .queryComponent) else { continue }
            result[String(decoding: key, as: UTF8.self), default: []].append(String(decoding: decoded, as: UTF8.self))
        }
        return result
    }

    /// `URL.String()`.
    var text: String {
        var result: [UInt8] = []
        if !scheme.isEmpty {
            result += scheme
            result.append(UInt8(ascii: ":"))
        }
        if !opaque.isEmpty {
            result += opaque
        } else {
            if !scheme.isEmpty || !host.isEmpty || user != nil {
                if !(omitHost && host.isEmpty && user == nil) {
                    if !host.isEmpty || !path.isEmpty || user != nil { result += Array("//".utf8) }
                    if let user {
                        result += GoURLEscaping.escape(user.name, .userPassword)
                        if let password = user.password {
                            result.append(UInt8(ascii: ":"))
                            result += GoURLEscaping.escape(password, .userPassword)
                        }
                        result.append(UInt8(ascii: "@"))
                    }
                    if !host.isEmpty { result += GoURLEscaping.escape(host, .host) }
                }
            }
            let path = escapedPath
            if let first = path.first, first != UInt8(ascii: "/"), !host.isEmpty { result.append(UInt8(ascii: "/")) }
            if result.isEmpty {
                let segment = path.split(separator: UInt8(ascii: "/"), maxSplits: 1, omittingEmptySubsequences: false).first ?? []
                if segment.contains(UInt8(ascii: ":")) { result += Array("./".utf8) }
            }
            result += path
        }
        if forceQuery || !rawQuery.isEmpty {
            result.append(UInt8(ascii: "?"))
            result += rawQuery
        }
        if !fragment.isEmpty {
            result.append(UInt8(ascii: "#"))
            result += escapedFragment
        }
        return String(decoding: result, as: UTF8.self)
    }
}
