/// A Kubernetes CEL `net.IP` value (`ip("...")`): an IPv4 or IPv6 address parsed with Go's `netip`
/// rules, without an IPv6 zone and never an IPv4-mapped IPv6 address (Kubernetes rejects both).
///
/// Equality is by address and family. `description` is the canonical text (`string(ip)`).
public struct KubeIP: Hashable, Sendable, CustomStringConvertible {
    /// The CEL type name.
    public static let celTypeName = "net.IP"

    /// The address family, as `family()` numbers it.
    public enum Family: Int64, Hashable, Sendable {
        case ipv4 = 4
        case ipv6 = 6
    }

    let address: GoNetIPAddress

    init(address: GoNetIPAddress) {
        self.address = address
    }

    /// `ip(text)`: the address, or the error Kubernetes gives (`IP Address "…" parse error during
    /// conversion from string: ParseAddr(…): …`, a zone or an IPv4-mapped IPv6 address).
    public init(_ text: String) throws(KubeLibraryError) {
        let address: GoNetIPAddress
        do {
            address = try GoNetIPParser.parseAddress(text)
        } catch {
            throw KubeLibraryError("IP Address " + GoQuote.quote(text) + " parse error during conversion from string: " + error.text)
        }
        if !address.zone.isEmpty {
            throw KubeLibraryError("IP address " + GoQuote.quote(text) + " with zone value is not allowed")
        }
        if address.isIPv4MappedIPv6 {
            throw KubeLibraryError("IPv4-mapped IPv6 address " + GoQuote.quote(text) + " is not allowed")
        }
        self.init(address: address)
    }

    /// `isIP(text)`: whether `ip(text)` succeeds.
    public static func isValid(_ text: String) -> Bool {
        (try? KubeIP(text)) != nil
    }

    /// `ip.isCanonical(text)`: whether `text` is the canonical form of its address; the parse error of
    /// `ip(text)` when it is no address.
    public static func isCanonical(_ text: String) throws(KubeLibraryError) -> Bool {
        try KubeIP(text).description == text
    }

    /// `family()`: 4 or 6.
    public var family: Family { address.family == .ipv4 ? .ipv4 : .ipv6 }

    /// `isUnspecified()`: `0.0.0.0` or `::`.
    public var isUnspecified: Bool { address.isUnspecified }

    /// `isLoopback()`: `127.0.0.0/8` or `::1`.
    public var isLoopback: Bool { address.isLoopback }

    /// `isLinkLocalMulticast()`: `224.0.0.0/24` or `ff02::/16` (any flags).
    public var isLinkLocalMulticast: Bool { address.isLinkLocalMulticast }

    /// `isLinkLocalUnicast()`: `169.254.0.0/16` or `fe80::/10`.
    public var isLinkLocalUnicast: Bool { address.isLinkLocalUnicast }

    /// `isGlobalUnicast()`: Go's definition (private and unique-local addresses included; unspecified,
    /// broadcast, loopback, multicast and link-local unicast excluded).
    public var isGlobalUnicast: Bool { address.isGlobalUnicast }

    /// The canonical text: dotted decimal, or RFC 5952 IPv6.
    public var description: String { address.text }
}
