import Testing
@testable import RampartCEL

/// `url()` and `isURL()` with Go's `net/url` rules (Go 1.26) and error texts.
@Suite struct KubeURLTests {
    @Test(arguments: [
        ("", "empty url"),
        ("example.com", "invalid URI for request"),
        (":foo", "missing protocol scheme"),
        ("http://a b.com/", "invalid character \" \" in host name"),
        ("http://[::1]:namedport", "invalid port \":namedport\" after host"),
        ("http://[1.2.3.4]/", "invalid IP-literal"),
        ("http://x[::1]/", "invalid IP-literal"),
        ("http://[::1/", "missing ']' in host"),
        ("http://[::1::2]/", "invalid host: ParseAddr(\"::1::2\"): multiple :: in address (at \":2\")"),
        ("https://a:b:c/", "invalid port \":b:c\" after host"),
        ("http://a/\n", "net/url: invalid control character in URL"),
        ("http://a/%zz", "invalid URL escape \"%zz\""),
        ("http://a/%z", "invalid URL escape \"%z\""),
        ("http://us er@a/", "net/url: invalid userinfo"),
        ("http://a%41/", "invalid URL escape \"%41\""),
    ])
    func parseErrors(_ input: String, _ reason: String) {
        #expect(throws: KubeLibraryError("URL parse error during conversion from string: parse " + GoQuote.quote(input) + ": " + reason)) {
            try KubeURL(input)
        }
        #expect(!KubeURL.isValid(input))
    }

    /// `url()` also runs `url.Parse`, which reads a fragment `ParseRequestURI` left in the query.
    @Test func fragmentErrorsComeFromParse() {
        #expect(KubeURL.isValid("/a?b#%zz"))
        #expect(throws: KubeLibraryError("URL parse error during conversion from string: parse \"/a?b#%zz\": invalid URL escape \"%zz\"")) {
            try KubeURL("/a?b#%zz")
        }
    }

    @Test func components() throws {
        let url = try KubeURL("HTTPS://user:pass@Example.COM:443/p%2Fq/with space?x=1&x=2#frag")
        #expect(url.scheme == "https")
        #expect(url.host == "Example.COM:443")
        #expect(url.hostname == "Example.COM")
        #expect(url.port == "443")
        #expect(url.escapedPath == "/p/q/with%20space", "a raw path that is not validly encoded is not kept")
        #expect(try KubeURL("/p%2Fq").escapedPath == "/p%2Fq")
        #expect(url.query == ["x": ["1", "2"]])
        #expect(url.description == "https://user:pass@Example.COM:443/p/q/with%20space?x=1&x=2#frag")

        let zoned = try KubeURL("http://[fe80::1%25en0]:8080/")
        #expect(zoned.host == "[fe80::1%en0]:8080" && zoned.hostname == "fe80::1%en0" && zoned.port == "8080")
        #expect(zoned.description == "http://[fe80::1%25en0]:8080/")

        let opaque = try KubeURL("mailto:someone@example.com")
        #expect(opaque.scheme == "mailto" && opaque.host == "" && opaque.escapedPath == "")
        #expect(opaque.description == "mailto:someone@example.com")

        #expect(try KubeURL("*").escapedPath == "*")
        #expect(try KubeURL("http://example.com").escapedPath == "")
        #expect(try KubeURL("ftp://a:b:80/").host == "a:b:80", "several colons stay allowed outside http and https")
        #expect(try KubeURL("http://example.com:/").port == "")
    }

    /// Pairs that fail to unescape or hold a `;` are dropped; `+` is a space.
    @Test func query() throws {
        let url = try KubeURL("/p?a=1&a=2&b&c=%zz&d;e=1&+x=y+z&&=v")
        #expect(url.query == ["a": ["1", "2"], "b": [""], " x": ["y z"], "": ["v"]])
        #expect(try KubeURL("/p?").query.isEmpty)
        let manyParameters = "/p?" + String(repeating: "a=1&", count: 10_000) + "b=2"
        #expect(try KubeURL(manyParameters).query.isEmpty, "Go's limit of 10,000 parameters: Query() gives none")
    }

    @Test func equalityIsByStringForm() throws {
        #expect(try KubeURL("http://a/b c") == KubeURL("http://a/b%20c"))
        #expect(try KubeURL("http://a/b") != KubeURL("http://a/b/"))
    }
}
