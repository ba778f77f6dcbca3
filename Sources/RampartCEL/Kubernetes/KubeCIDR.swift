/// A Kubernetes CEL `net.CIDR` value (`cidr("...")`): an address and a prefix length, parsed with Go's
/// `netip.ParsePrefix` rules. The address keeps the bits after the prefix as written (`masked()` clears
/// them); an IPv4-mapped IPv6 address is rejected.
///
/// Equality compares the address as written and the prefix length, as Kubernetes does
/// (`cidr("10.0.0.1/8") != cidr("10.0.0.0/8")`). `description` is `string(cidr)`.
public struct KubeCIDR: Hashable, Sendable, CustomStringConvertible {
    /// The CEL type name.
    public static let celTypeName = "net.CIDR"

    let address: GoNetIPAddress
    /// `prefixLength()`: the number of leading bits that name the network.
    public let prefixLength: Int

    init(address: GoNetIPAddress, prefixLength: Int) {
        self.address = address
        self.prefixLength = prefixLength
    }

    /// `cidr(text)`: the prefix, or the error Kubernetes gives (`network address parse error during
    /// conversion from string: …`).
    public init(_ text: String) throws(KubeLibraryError) {
        let prefix = "network address parse error during conversion from string: "
        let parsed: (address: GoNetIPAddress, bits: Int)
        do {
            parsed = try GoNetIPParser.parsePrefix(text)
        } catch {
            throw KubeLibraryError(prefix + prefix + error.text)
        }
        if parsed.address.isIPv4MappedIPv6 {
            throw KubeLibraryError(prefix + "IPv4-mapped IPv6 address " + GoQuote.quote(text) + " is not allowed")
        }
        self.init(address: parsed.address, prefixLength: parsed.bits)
    }

    /// `isCIDR(text)`: whether `cidr(text)` succeeds.
    public static func isValid(_ text: String) -> Bool {
        (try? KubeCIDR(text)) != nil
    }

    /// `ip()`: the address as written, host bits included.
    public var ip: KubeIP { KubeIP(address: address) }

    /// `masked()`: the same prefix with the bits after the prefix length cleared.
    public func masked() -> KubeCIDR {
        KubeCIDR(address: address.masked(toPrefixLength: prefixLength), prefixLength: prefixLength)
    }

    /// `containsIP(ip)`: whether the address is of the same family and inside the network.
    public func contains(_ ip: KubeIP) -> Bool {
        ip.address.family == address.family
            && ip.address.masked(toPrefixLength: prefixLength) == address.masked(toPrefixLength: prefixLength)
    }

    /// `containsIP(string)`. Kubernetes answers "no such overload" (not the parse error) when the
    /// string is no valid IP.
    public func contains(ipText text: String) throws(KubeLibraryError) -> Bool {
        guard let ip = try? KubeIP(text) else { throw KubeLibraryError.noSuchOverload }
        return contains(ip)
    }

    /// `containsCIDR(cidr)`: whether `other` is a sub-network of this one (same family, overlapping,
    /// and a prefix at least as long).
    public func contains(_ other: KubeCIDR) -> Bool {
        overlaps(other) && prefixLength <= other.prefixLength
    }

    /// `containsCIDR(string)`: as `contains(_:)`, with the error of `cidr(text)` for a bad string.
    public func contains(cidrText text: String) throws(KubeLibraryError) -> Bool {
        contains(try KubeCIDR(text))
    }

    /// Go's `Prefix.Overlaps`.
    private func overlaps(_ other: KubeCIDR) -> Bool {
        if self == other { return true }
        if address.family != other.address.family { return false }
        let shorter = min(prefixLength, other.prefixLength)
        return address.masked(toPrefixLength: shorter) == other.address.masked(toPrefixLength: shorter)
    }

    /// `address/length`, the address as written.
    public var description: String { address.text + "/" + String(prefixLength) }
}
