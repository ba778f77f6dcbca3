import RampartControlPlane
import RampartModel
import Testing
import TestSupport

/// Whether the API server asks for `resourceclaims/binding` and `resourceclaims/driver` on status writes.
@Suite struct ClaimStatusAuthorizationTests {
    static func apiServer(_ version: String, _ flags: [String] = []) -> String {
        IdentityConfigTests.apiServer(flags, version: version)
    }

    static func verdict(_ yaml: String) -> ClaimStatusAuthorization.Verdict {
        ClaimStatusAuthorization(ControlPlane(Fixtures.inventory(yaml))).verdict
    }

    @Test func fromOneThirtySixTheChecksAreOnByDefault() {
        #expect(Self.verdict(Self.apiServer("v1.36.1")) == .granular)
        #expect(Self.verdict(Self.apiServer("v1.37.0", ["--feature-gates=DRAResourceClaimGranularStatusAuthorization=true"])) == .granular)
    }

    @Test func anOlderServerOrTheGateOffLetsAStatusWriteDoItAll() {
        guard case .statusSuffices(let older) = Self.verdict(Self.apiServer("v1.35.2")) else { Issue.record("1.35 has no granular checks"); return }
        #expect(older.contains("kube-apiserver 1.35.2 predates"))
        guard case .statusSuffices(let off) = Self.verdict(Self.apiServer("v1.36.0", ["--feature-gates=DRAResourceClaimGranularStatusAuthorization=false"])) else {
            Issue.record("the gate is off"); return
        }
        #expect(off.contains("turns the DRAResourceClaimGranularStatusAuthorization feature gate off"))
    }

    @Test func theReportedVersionCountsWhenNoStaticPodSays() {
        let reported = """
            apiVersion: rampart.dev/v1alpha1
            kind: ServerVersion
            metadata: {name: kube-apiserver}
            gitVersion: v1.34.3-eks-1234567
            """
        guard case .statusSuffices = Self.verdict(reported) else { Issue.record("1.34 has no granular checks"); return }
        #expect(Self.verdict("apiVersion: v1\nkind: Namespace\nmetadata: {name: team-a}\n") == .unknown)
    }
}
