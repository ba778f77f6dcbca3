import RampartControlPlane
import RampartModel
import RampartRules
import Testing
import TestSupport

/// How the API server turns the --oidc-* flags into a claim mapping, and the rules on human identity.
@Suite struct IdentityConfigTests {
    /// A kube-apiserver static pod of `version` with `flags` (also for other suites of the target).
    static func apiServer(_ flags: [String], version: String = "v1.35.0") -> String {
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: kube-apiserver, namespace: kube-system}
        spec:
          containers:
          - name: kube-apiserver
            image: registry.k8s.io/kube-apiserver:\(version)
            command: [kube-apiserver\(flags.map { ", \"\($0)\"" }.joined())]
        """
    }

    static func issuer(_ flags: [String]) throws -> JWTIssuer? {
        let component = try #require(ControlPlane(Fixtures.inventory(apiServer(flags))).components.first)
        return JWTIssuer(flagsOf: component)
    }

    @Test func flagsPrefixUsernamesWithTheIssuerUnlessEmailOrDash() throws {
        let url = "--oidc-issuer-url=https://sso.example.com"
        let sub = try #require(try Self.issuer([url, "--oidc-client-id=k"]))
        #expect(sub.mappings.map(\.prefix) == ["https://sso.example.com#"])
        #expect(try Self.issuer([url, "--oidc-username-claim=email"])?.mappings.first?.prefix == "")
        #expect(try Self.issuer([url, "--oidc-username-prefix=-"])?.mappings.first?.prefix == "")
        #expect(try Self.issuer([url, "--oidc-username-prefix=corp:"])?.mappings.first?.prefix == "corp:")
        let groups = try Self.issuer([url, "--oidc-groups-claim=groups"])?.mappings.last
        #expect(groups?.attribute == .groups && groups?.prefix == "", "groups are not prefixed unless --oidc-groups-prefix says so")
    }

    @Test func theConfigurationFileReplacesTheFlags() throws {
        #expect(try Self.issuer(["--authentication-config=/etc/authn.yaml", "--oidc-issuer-url=https://sso.example.com"]) == nil)
    }

    @Test func emailWithoutPrefixIsFineOnceAndACollisionTwice() {
        let yaml = """
            apiVersion: apiserver.config.k8s.io/v1
            kind: AuthenticationConfiguration
            jwt:
            - issuer: {url: "https://a.example.com", audiences: [k]}
              claimMappings:
                username: {claim: email, prefix: ""}
                groups: {expression: "claims.groups"}
            - issuer: {url: "https://b.example.com", audiences: [k]}
              claimMappings:
                username: {claim: email, prefix: ""}
            """
        let findings = ControlPlaneFixtures.findings(yaml).filter { $0.ruleId == "controlplane.jwt-identity-collision" }
        #expect(findings.count == 1)
        #expect(findings.first?.message.contains("https://b.example.com") == true)
        #expect(findings.first?.message.contains("https://a.example.com also gives") == true)
    }

    @Test func aShortRetentionIsNoFindingWhenAWebhookShipsTheEvents() {
        let flags = ["--audit-log-path=/var/log/audit.log", "--audit-log-maxage=7"]
        let retention = { (yaml: String) in ControlPlaneFixtures.findings(yaml).filter { $0.ruleId == "controlplane.audit-log-retention" }.count }
        #expect(retention(Self.apiServer(flags)) == 1)
        #expect(retention(Self.apiServer(flags + ["--audit-webhook-config-file=/etc/kubernetes/audit/webhook.yaml"])) == 0)
    }
}
