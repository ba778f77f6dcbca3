import Testing
@testable import RampartCEL

/// `ip()` and `cidr()` with Go's `netip` parsing rules and error texts, and Kubernetes' restrictions.
@Suite struct KubeIPTests {
    /// Go's `ParseAddr` error texts, as Kubernetes wraps them.
    @Test(arguments: [
        ("1.2.3", "IPv4 address too short"),
        ("01.2.3.4", "IPv4 field has octet with leading zero"),
        ("256.1.1.1", "IPv4 field has value >255"),
        ("1..2.3", "IPv4 field must have at least one digit (at \".2.3\")"),
        ("1.2.3.4%eth0", "unexpected character (at \"%eth0\")"),
        ("%eth0", "missing IPv6 address"),
        ("localhost", "unable to parse IP"),
        ("", "unable to parse IP"),
        ("12345::", "each group must have 4 or less digits (at \"12345::\")"),
        ("1:2:3:4:5:6:7:8:9", "trailing garbage after address (at \"9\")"),
        ("1:2:3:4:5:6:7", "address string too short"),
        ("1::2::3", "multiple :: in address (at \":3\")"),
        ("1:2:3:4:5:6:7::8", "the :: must expand to at least one field of zeros"),
        ("fe80::1%", "zone must be a non-empty string"),
        ("1:2:3:4:5:6:7:", "colon must be followed by more characters (at \":\")"),
        ("1:2x", "unexpected character, want colon (at \"x\")"),
        ("1.2.3.4:5", "unexpected character (at \":5\")"),
        ("::1.2.3.4.5", "IPv4 address too long"),
        ("1:2:3:4:5:6:7::1.2.3.4", "too many hex fields to fit an embedded IPv4 at the end of the address (at \"1.2.3.4\")"),
        ("1:2:1.2.3.4", "embedded IPv4 address must replace the final 2 fields of the address (at \"1.2.3.4\")"),
        ("::ffff:1.2.3.256", "IPv4 field has value >255"),
        ("1.2.3.é", "unexpected character (at \"é\")"),
        ("1.2.3.\n", "unexpected character (at \"\\n\")"),
    ])
    func parseErrors(_ input: String, _ reason: String) {
        let quoted = GoQuote.quote(input)
        #expect(throws: KubeLibraryError("IP Address \(quoted) parse error during conversion from string: ParseAddr(\(quoted)): \(reason)")) {
            try KubeIP(input)
        }
        #expect(!KubeIP.isValid(input))
    }

    @Test func kubernetesRestrictions() {
        #expect(throws: KubeLibraryError("IP address \"fe80::1%eth0\" with zone value is not allowed")) { try KubeIP("fe80::1%eth0") }
        #expect(throws: KubeLibraryError("IPv4-mapped IPv6 address \"::ffff:1.2.3.4\" is not allowed")) { try KubeIP("::ffff:1.2.3.4") }
        #expect(throws: KubeLibraryError("IPv4-mapped IPv6 address \"::ffff:102:304\" is not allowed")) { try KubeIP("::ffff:102:304") }
    }

    /// RFC 5952 text: the longest run of two or more zero groups becomes `::` (the first on a tie).
    @Test(arguments: [
        ("2001:DB8::68", "2001:db8::68"), ("2001:0db8:0:0:0:0:0:1", "2001:db8::1"), ("1:0:0:1:0:0:0:1", "1:0:0:1::1"),
        ("1:0:0:2:0:0:3:4", "1::2:0:0:3:4"), ("1:0:2:3:4:5:6:7", "1:0:2:3:4:5:6:7"), ("::", "::"), ("0:0:0:0:0:0:0:1", "::1"),
        ("::1.2.3.4", "::102:304"), ("fe80:0:0:0:0:0:0:0", "fe80::"), ("10.0.0.1", "10.0.0.1"),
    ])
    func canonicalText(_ input: String, _ expected: String) throws {
        #expect(try KubeIP(input).description == expected)
        #expect(try KubeIP.isCanonical(input) == (input == expected))
    }

    /// Random addresses (with runs of zero groups) print canonically and parse back to themselves;
    /// a network contains its own address and its masked form contains it.
    @Test func roundTrips() throws {
        var state: UInt64 = 42
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        for _ in 0..<2_000 {
            let groups = (0..<8).map { _ in next() % 3 == 0 ? "0" : String(next() % 0x10000, radix: 16) }
            let ip = try KubeIP(groups.joined(separator: ":"))
            #expect(try KubeIP(ip.description) == ip)
            #expect(try KubeIP.isCanonical(ip.description))
            let v4 = try KubeIP((0..<4).map { _ in String(next() % 256) }.joined(separator: "."))
            #expect(try KubeIP(v4.description) == v4)
            for (address, bits) in [(ip, Int(next() % 129)), (v4, Int(next() % 33))] {
                let network = try KubeCIDR("\(address)/\(bits)")
                #expect(network.contains(address) && network.masked().contains(address) && network.masked().contains(network))
                #expect(try KubeCIDR(network.masked().description) == network.masked())
            }
        }
    }

    @Test func classification() throws {
        #expect(try KubeIP("127.255.0.1").isLoopback)
        #expect(try KubeIP("224.0.0.251").isLinkLocalMulticast)
        #expect(try !KubeIP("224.0.1.1").isLinkLocalMulticast)
        #expect(try KubeIP("ff12::1").isLinkLocalMulticast, "flags do not matter")
        #expect(try KubeIP("fe80::1").isLinkLocalUnicast && !KubeIP("fec0::1").isLinkLocalUnicast)
        #expect(try KubeIP("10.0.0.1").isGlobalUnicast, "private addresses count as global unicast")
        #expect(try KubeIP("fd00::1").isGlobalUnicast)
        #expect(try !KubeIP("0.0.0.0").isGlobalUnicast && !KubeIP("::").isGlobalUnicast)
        #expect(try !KubeIP("ff02::1").isGlobalUnicast && !KubeIP("169.254.1.1").isGlobalUnicast)
        #expect(try KubeIP("::").isUnspecified && !KubeIP("::1").isUnspecified)
        #expect(try KubeIP("1.2.3.4").family == .ipv4 && KubeIP("::1").family == .ipv6)
        #expect(try KubeIP("::1.2.3.4") != KubeIP("1.2.3.4"))
    }

    @Test func cidrParseErrors() {
        let prefix = "network address parse error during conversion from string: "
        func netip(_ input: String, _ reason: String) -> KubeLibraryError {
            KubeLibraryError(prefix + prefix + "netip.ParsePrefix(\"\(input)\"): " + reason)
        }
        #expect(throws: netip("1.2.3.4", "no '/'")) { try KubeCIDR("1.2.3.4") }
        #expect(throws: netip("1.2.3.4/33", "prefix length out of range")) { try KubeCIDR("1.2.3.4/33") }
        #expect(throws: netip("1.2.3.4/08", "bad bits after slash: \"08\"")) { try KubeCIDR("1.2.3.4/08") }
        #expect(throws: netip("1.2.3.4/+8", "bad bits after slash: \"+8\"")) { try KubeCIDR("1.2.3.4/+8") }
        #expect(throws: netip("::/99999999999999999999", "bad bits after slash: \"99999999999999999999\"")) {
            try KubeCIDR("::/99999999999999999999")
        }
        #expect(throws: netip("::/129", "prefix length out of range")) { try KubeCIDR("::/129") }
        #expect(throws: netip("fe80::%eth0/64", "IPv6 zones cannot be present in a prefix")) { try KubeCIDR("fe80::%eth0/64") }
        #expect(throws: netip("1.2.3/8", "ParseAddr(\"1.2.3\"): IPv4 address too short")) { try KubeCIDR("1.2.3/8") }
        #expect(throws: KubeLibraryError(prefix + "IPv4-mapped IPv6 address \"::ffff:1.2.3.4/128\" is not allowed")) {
            try KubeCIDR("::ffff:1.2.3.4/128")
        }
        #expect(KubeCIDR.isValid("0.0.0.0/0") && KubeCIDR.isValid("::/0") && !KubeCIDR.isValid(""))
    }

    @Test func cidrOperations() throws {
        let network = try KubeCIDR("10.1.2.3/8")
        #expect(network.description == "10.1.2.3/8")
        #expect(network.ip.description == "10.1.2.3")
        #expect(network.masked().description == "10.0.0.0/8")
        #expect(network != network.masked(), "equality keeps the host bits, as in Kubernetes")
        #expect(network.prefixLength == 8)
        #expect(try network.contains(KubeIP("10.255.255.255")) && !network.contains(KubeIP("11.0.0.0")))
        #expect(try !KubeCIDR("::/0").contains(KubeIP("1.2.3.4")), "no IPv4 address in an IPv6 network")
        #expect(try KubeCIDR("0.0.0.0/0").contains(KubeCIDR("192.168.0.0/16")))
        #expect(try !KubeCIDR("0.0.0.0/0").contains(KubeCIDR("::/0")))
        #expect(try KubeCIDR("2001:db8::/32").contains(KubeCIDR("2001:db8:1::1/128")))
        #expect(try KubeCIDR("10.0.0.0/8").contains(KubeCIDR("10.0.0.0/8")))
        #expect(try KubeCIDR("1.2.3.4/32").contains(KubeIP("1.2.3.4")))
    }

    /// A string that is no IP gives "no such overload" in `containsIP` (Kubernetes loses the parse
    /// error there) but the parse error in `containsCIDR`.
    @Test func stringArgumentsOfContains() throws {
        let network = try KubeCIDR("10.0.0.0/8")
        #expect(try network.contains(ipText: "10.0.0.1"))
        #expect(throws: KubeLibraryError("no such overload")) { try network.contains(ipText: "10.0.0") }
        #expect(throws: KubeLibraryError("network address parse error during conversion from string: network address parse error during conversion from string: netip.ParsePrefix(\"10.0.0.0\"): no '/'")) {
            try network.contains(cidrText: "10.0.0.0")
        }
    }
}
