import Testing
@testable import RampartCEL

/// The 13 named formats: Kubernetes' messages for the name formats, kube-openapi's `strfmt` checks.
@Suite struct KubeNamedFormatTests {
    private static let labelRegexError = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
    private static let subdomainRegexError = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
    private static let keyRegexError = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
    private static let longName = String(repeating: "a", count: 64)

    @Test func names() {
        #expect(KubeNamedFormat.allCases.count == 13)
        #expect(KubeNamedFormat(named: "dns1123Label") == .dns1123Label)
        #expect(KubeNamedFormat(named: "DNS1123Label") == nil)
        #expect(KubeNamedFormat(named: "unknown") == nil)
        #expect(KubeNamedFormat.allCases.allSatisfy { KubeNamedFormat(named: $0.description) == $0 })
        #expect(Set(KubeNamedFormat.allCases.map(\.kubernetesName)).count == 13)
    }

    @Test func dnsNames() {
        #expect(KubeNamedFormat.dns1123Label.validate("my-name").isEmpty)
        #expect(KubeNamedFormat.dns1123Label.validate(Self.longName) == ["must be no more than 63 characters"])
        #expect(KubeNamedFormat.dns1123Label.validate("a.b") == ["must not contain dots"])
        #expect(KubeNamedFormat.dns1123Label.validate("") == [Self.labelRegexError])
        #expect(KubeNamedFormat.dns1123Label.validate("-a" + Self.longName) == ["must be no more than 63 characters", Self.labelRegexError])
        #expect(KubeNamedFormat.dns1123Label.validate("é") == [Self.labelRegexError])
        #expect(KubeNamedFormat.dns1123Subdomain.validate("a.b-c.d").isEmpty)
        #expect(KubeNamedFormat.dns1123Subdomain.validate("a..b") == [Self.subdomainRegexError])
        #expect(KubeNamedFormat.dns1123Subdomain.validate(String(repeating: "a", count: 254)) == ["must be no more than 253 characters"])
        #expect(KubeNamedFormat.dns1035Label.validate("a1").isEmpty)
        #expect(KubeNamedFormat.dns1035Label.validate("1a") == ["a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"])
    }

    /// The prefix formats let a generated name's prefix end in `-` (Kubernetes replaces the last two
    /// bytes by `a`).
    @Test func prefixes() {
        #expect(KubeNamedFormat.dns1123LabelPrefix.validate("my-label-prefix-").isEmpty)
        #expect(KubeNamedFormat.dns1123LabelPrefix.validate("a-").isEmpty)
        #expect(KubeNamedFormat.dns1123LabelPrefix.validate("-") == [Self.labelRegexError])
        #expect(KubeNamedFormat.dns1123SubdomainPrefix.validate("example.com-").isEmpty)
        #expect(KubeNamedFormat.dns1035LabelPrefix.validate("a-").isEmpty)
        #expect(KubeNamedFormat.dns1123LabelPrefix.validate("label").isEmpty)
    }

    @Test func qualifiedNames() {
        #expect(KubeNamedFormat.qualifiedName.validate("example.com/MyName").isEmpty)
        #expect(KubeNamedFormat.qualifiedName.validate("example.com/") == ["name part must be non-empty", "name part " + Self.keyRegexError])
        #expect(KubeNamedFormat.qualifiedName.validate("/name") == ["prefix part must be non-empty"])
        #expect(KubeNamedFormat.qualifiedName.validate("Example.com/name") == ["prefix part " + Self.subdomainRegexError])
        #expect(KubeNamedFormat.qualifiedName.validate(Self.longName) == ["name part must be no more than 63 bytes"])
        #expect(KubeNamedFormat.qualifiedName.validate("a/b/c") == ["a valid label key " + Self.keyRegexError + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"])
    }

    @Test func labelValues() {
        #expect(KubeNamedFormat.labelValue.validate("").isEmpty)
        #expect(KubeNamedFormat.labelValue.validate("my_value.1").isEmpty)
        #expect(KubeNamedFormat.labelValue.validate(Self.longName) == ["must be no more than 63 bytes"])
        #expect(KubeNamedFormat.labelValue.validate("-a") == ["a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"])
    }

    @Test func stringFormats() {
        #expect(KubeNamedFormat.uri.validate("http://example.com").isEmpty)
        #expect(KubeNamedFormat.uri.validate("") == ["parse \"\": empty url"])
        #expect(KubeNamedFormat.uri.validate("example.com") == ["parse \"example.com\": invalid URI for request"])
        #expect(KubeNamedFormat.uuid.validate("123E4567E89B12D3A456426614174000").isEmpty)
        #expect(KubeNamedFormat.uuid.validate("123e4567-e89b-12d3-a456-42661417400") == ["does not match the UUID format"])
        #expect(KubeNamedFormat.uuid.validate("123e4567-e89b-12d3-a456-4266141740000") == ["does not match the UUID format"])
        #expect(KubeNamedFormat.byte.validate("") == ["invalid base64"])
        #expect(KubeNamedFormat.byte.validate("a===") == ["invalid base64"])
        #expect(KubeNamedFormat.byte.validate("ab+/cd==").isEmpty)
        #expect(KubeNamedFormat.date.validate("2020-02-29").isEmpty)
        #expect(KubeNamedFormat.date.validate("0000-01-01").isEmpty)
        for bad in ["2021-02-29", "2021-13-01", "2021-1-01", "2021-01-01 ", "+021-01-01", "2100-02-29"] {
            #expect(KubeNamedFormat.date.validate(bad) == ["invalid date"], "\(bad)")
        }
        for good in ["2021-01-01t00:00:00z", "2021-01-01T23:59:59.123+05:30", "2021-01-01T00:00:00x5Z", "2021-01-01T00:00:00ZT"] {
            #expect(KubeNamedFormat.datetime.validate(good).isEmpty, "\(good)")
        }
        for bad in ["2021-01-01T24:00:00Z", "2021-01-01T00:00:60Z", "2021-01-01 00:00:00Z", "2021-01-01T00:00:00", "2021-01-01T00:00:00Zjunk", "2021-01-01T00:00:00.Z"] {
            #expect(KubeNamedFormat.datetime.validate(bad) == ["invalid datetime"], "\(bad)")
        }
    }
}
