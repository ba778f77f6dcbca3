/// A Kubernetes CEL `kubernetes.URL` value (`url("...")`): a URL that Go's `url.ParseRequestURI`
/// accepts (an absolute URI or an absolute path), held as `url.Parse` reads it.
///
/// Equality compares the URL's string form, as Kubernetes does. `description` is that string form.
public struct KubeURL: Hashable, Sendable, CustomStringConvertible {
    /// The CEL type name.
    public static let celTypeName = "kubernetes.URL"

    let url: GoURL

    /// `url(text)`: the URL, or `URL parse error during conversion from string: parse "…": …`.
    public init(_ text: String) throws(KubeLibraryError) {
        do {
            _ = try GoURLParser.parseRequestURI(text)
            url = try GoURLParser.parse(text)
        } catch {
            throw KubeLibraryError("URL parse error during conversion from string: " + error.text)
        }
    }

    /// `isURL(text)`: whether Go's `url.ParseRequestURI` accepts `text`.
    public static func isValid(_ text: String) -> Bool {
        (try? GoURLParser.parseRequestURI(text)) != nil
    }

    /// `getScheme()`: the scheme in lower case, empty for a path.
    public var scheme: String { String(decoding: url.scheme, as: UTF8.self) }

    /// `getHost()`: host and port as written (IPv6 in brackets), empty when there is no authority.
    public var host: String { String(decoding: url.host, as: UTF8.self) }

    /// `getHostname()`: the host without port and brackets.
    public var hostname: String { String(decoding: url.hostname, as: UTF8.self) }

    /// `getPort()`: the port digits, empty when there is none.
    public var port: String { String(decoding: url.port, as: UTF8.self) }

    /// `getEscapedPath()`: the path in escaped form.
    public var escapedPath: String { String(decoding: url.escapedPath, as: UTF8.self) }

    /// `getQuery()`: each query parameter with its values in order.
    public var query: [String: [String]] { url.query }

    /// The URL as Go's `URL.String()` writes it.
    public var description: String { url.text }
}
