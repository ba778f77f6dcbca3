/// Go's `url.Parse` and `url.ParseRequestURI` (Go 1.26: strict colons in http and https hosts, IPv6
/// literals checked with `netip`), with their error texts (`parse "…": …`).
enum GoURLParser {
    /// `url.ParseRequestURI`: an absolute URI or an absolute path, no fragment split.
    static func parseRequestURI(_ raw: String) throws(GoURLEscaping.Failure) -> GoURL {
        do {
            return try parse(Array(raw.utf8)[...], viaRequest: true)
        } catch {
            throw wrapped(raw, error)
        }
    }

    /// `url.Parse`: any URL reference, the fragment after the first `#`.
    static func parse(_ raw: String) throws(GoURLEscaping.Failure) -> GoURL {
        let bytes = Array(raw.utf8)
        let hash = bytes.firstIndex(of: UInt8(ascii: "#"))
        let main = bytes[..<(hash ?? bytes.endIndex)]
        var url: GoURL
        do {
            url = try parse(main, viaRequest: false)
        } catch {
            throw wrapped(String(decoding: main, as: UTF8.self), error)
        }
        guard let hash, hash + 1 < bytes.endIndex else { return url }
        let fragment = bytes[(hash + 1)...]
        do {
            url.fragment = try GoURLEscaping.unescape(fragment, .fragment)
        } catch {
            throw wrapped(raw, error)
        }
        url.rawFragment = GoURLEscaping.escape(url.fragment, .fragment) == Array(fragment) ? [] : Array(fragment)
        return url
    }

    /// `url.Error` for the `parse` operation.
    private static func wrapped(_ raw: String, _ error: GoURLEscaping.Failure) -> GoURLEscaping.Failure {
        GoURLEscaping.Failure(text: "parse " + GoQuote.quote(raw) + ": " + error.text)
    }

    private static func failure(_ text: String) -> GoURLEscaping.Failure { GoURLEscaping.Failure(text: text) }

    /// Go's `validOptionalPort`: empty, or `:` and digits.
    static func isValidOptionalPort(_ port: ArraySlice<UInt8>) -> Bool {
        guard let first = port.first else { return true }
        return first == UInt8(ascii: ":") && port.dropFirst().allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    private static func parse(_ raw: ArraySlice<UInt8>, viaRequest: Bool) throws(GoURLEscaping.Failure) -> GoURL {
        if raw.contains(where: { $0 < 0x20 || $0 == 0x7F }) { throw failure("net/url: invalid control character in URL") }
        if raw.isEmpty && viaRequest { throw failure("empty url") }
        var url = GoURL()
        if raw.elementsEqual("*".utf8) {
            url.path = Array(raw)
            return url
        }
        var (scheme, rest) = try splitScheme(raw)
        url.scheme = scheme.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 + 32 : $0 }
        let questionMarks = rest.lazy.filter { $0 == UInt8(ascii: "?") }.count
        if rest.last == UInt8(ascii: "?") && questionMarks == 1 {
            url.forceQuery = true
            rest = rest.dropLast()
        } else if let question = rest.firstIndex(of: UInt8(ascii: "?")) {
            url.rawQuery = Array(rest[(question + 1)...])
            rest = rest[..<question]
        }
        if rest.first != UInt8(ascii: "/") {
            if !url.scheme.isEmpty {
                url.opaque = Array(rest)
                return url
            }
            if viaRequest { throw failure("invalid URI for request") }
            let segment = rest.prefix { $0 != UInt8(ascii: "/") }
            if segment.contains(UInt8(ascii: ":")) { throw failure("first path segment in URL cannot contain colon") }
        }
        let doubleSlash = rest.starts(with: "//".utf8)
        if (!url.scheme.isEmpty || !viaRequest && !rest.starts(with: "///".utf8)) && doubleSlash {
            var authority = rest.dropFirst(2)
            rest = []
            if let slash = authority.firstIndex(of: UInt8(ascii: "/")) {
                rest = authority[slash...]
                authority = authority[..<slash]
            }
            try parseAuthority(authority, scheme: url.scheme, into: &url)
        } else if !url.scheme.isEmpty && rest.first == UInt8(ascii: "/") {
            url.omitHost = true
        }
        url.path = try GoURLEscaping.unescape(rest, .path)
        url.rawPath = GoURLEscaping.escape(url.path, .path) == Array(rest) ? [] : Array(rest)
        return url
    }

    /// Go's `getScheme`: `[a-zA-Z][a-zA-Z0-9+.-]*` before the first `:`, else no scheme.
    private static func splitScheme(_ raw: ArraySlice<UInt8>) throws(GoURLEscaping.Failure) -> (ArraySlice<UInt8>, ArraySlice<UInt8>) {
        for index in raw.indices {
            let byte = raw[index]
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                if index == raw.startIndex { return ([], raw) }
            case UInt8(ascii: ":"):
                if index == raw.startIndex { throw failure("missing protocol scheme") }
                return (raw[..<index], raw[(index + 1)...])
            default:
                return ([], raw)
            }
        }
        return ([], raw)
    }

    private static func parseAuthority(_ authority: ArraySlice<UInt8>, scheme: [UInt8], into url: inout GoURL) throws(GoURLEscaping.Failure) {
        let at = authority.lastIndex(of: UInt8(ascii: "@"))
        url.host = try parseHost(at.map { authority[($0 + 1)...] } ?? authority, scheme: scheme)
        guard let at else { return }
        let userinfo = authority[..<at]
        guard userinfo.allSatisfy(isUserinfoByte) else { throw failure("net/url: invalid userinfo") }
        if let colon = userinfo.firstIndex(of: UInt8(ascii: ":")) {
            let name = try GoURLEscaping.unescape(userinfo[..<colon], .userPassword)
            let password = try GoURLEscaping.unescape(userinfo[(colon + 1)...], .userPassword)
            url.user = (name, password)
        } else {
            url.user = (try GoURLEscaping.unescape(userinfo, .userPassword), nil)
        }
    }

    private static func isUserinfoByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "-._:~!$&'()*+,;=%@".utf8.contains(byte)
        }
    }

    /// Go's `parseHost`: an IPv6 literal in brackets (checked with `netip`, not IPv4), or a name or
    /// IPv4 address with an optional numeric port.
    private static func parseHost(_ host: ArraySlice<UInt8>, scheme: [UInt8]) throws(GoURLEscaping.Failure) -> [UInt8] {
        if let open = host.lastIndex(of: UInt8(ascii: "[")) {
            if open > host.startIndex { throw failure("invalid IP-literal") }
            guard let close = host.lastIndex(of: UInt8(ascii: "]")) else { throw failure("missing ']' in host") }
            let colonPort = host[(close + 1)...]
            if !isValidOptionalPort(colonPort) {
                throw failure("invalid port " + GoQuote.quote(bytes: colonPort) + " after host")
            }
            let unescapedPort = try GoURLEscaping.unescape(colonPort, .host)
            let name = host[(open + 1)..<max(open + 1, close)]
            var unescapedName: [UInt8]
            if let zone = name.indices.first(where: { name[$0...].starts(with: "%25".utf8) }) {
                unescapedName = try GoURLEscaping.unescape(name[..<zone], .host)
                unescapedName += try GoURLEscaping.unescape(name[zone...], .zone)
            } else {
                unescapedName = try GoURLEscaping.unescape(name, .host)
            }
            let address: GoNetIPAddress
            do {
                address = try GoNetIPParser.parseAddress(String(decoding: unescapedName, as: UTF8.self))
            } catch {
                throw failure("invalid host: " + error.text)
            }
            if address.family == .ipv4 { throw failure("invalid IP-literal") }
            return [UInt8(ascii: "[")] + unescapedName + [UInt8(ascii: "]")] + unescapedPort
        }
        if var colon = host.firstIndex(of: UInt8(ascii: ":")) {
            let strict = scheme.elementsEqual("http".utf8) || scheme.elementsEqual("https".utf8)
            if !strict, let last = host.lastIndex(of: UInt8(ascii: ":")) { colon = last }
            let colonPort = host[colon...]
            if !isValidOptionalPort(colonPort) {
                throw failure("invalid port " + GoQuote.quote(bytes: colonPort) + " after host")
            }
        }
        return try GoURLEscaping.unescape(host, .host)
    }
}
