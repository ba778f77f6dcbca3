import RampartControlPlane
import RampartModel
import RampartRules
import Testing
import TestSupport

/// Whether kubelets re-verify pull credentials of cached images (KEP-2535), judged on what
/// `kubeadm init` v1.35 writes: the gate is beta and on from 1.35, the policy defaults to
/// `NeverVerifyPreloadedImages`, and `NeverVerify` or the gate turned off bring the old behaviour back.
@Suite struct CachedImageCredentialsTests {
    static func verdict(_ yaml: String) -> CachedImageCredentials.Verdict {
        CachedImageCredentials(ControlPlane(Fixtures.inventory(yaml))).verdict
    }

    static func kubeadm() throws -> String { try ControlPlaneFixtures.text("kubeadm-default.yaml") }

    @Test func kubeadmDefaultsOn135Verify() throws {
        guard case .verified(let reason) = Self.verdict(try Self.kubeadm()) else {
            Issue.record("kubeadm 1.35 defaults should verify")
            return
        }
        #expect(reason == "kubelets 1.35.0+ re-verify pull credentials of cached images (imagePullCredentialsVerificationPolicy NeverVerifyPreloadedImages)")
    }

    @Test func aKubeletBefore135DoesNot() throws {
        let old = try Self.kubeadm().replacingOccurrences(of: "kubeletVersion: v1.35.0", with: "kubeletVersion: v1.34.2")
        #expect(Self.verdict(old) == .notVerified(reason: "kubelet 1.34.2 predates the default credential check of cached images (Kubernetes 1.35)"))
    }

    @Test func neverVerifyOrTheGateOffBringTheOldBehaviourBack() throws {
        let kubeadm = try Self.kubeadm()
        let neverVerify = kubeadm.replacingOccurrences(of: "cgroupDriver: systemd", with: "cgroupDriver: systemd\nimagePullCredentialsVerificationPolicy: NeverVerify")
        #expect(Self.verdict(neverVerify) == .notVerified(reason: "a KubeletConfiguration among the inputs sets imagePullCredentialsVerificationPolicy: NeverVerify"))
        let gateOff = kubeadm.replacingOccurrences(of: "cgroupDriver: systemd", with: "cgroupDriver: systemd\nfeatureGates: {KubeletEnsureSecretPulledImages: false}")
        guard case .notVerified = Self.verdict(gateOff) else {
            Issue.record("the gate turned off should not verify")
            return
        }
    }

    @Test func theGateTurnedOnBefore135Verifies() throws {
        let alpha = try Self.kubeadm()
            .replacingOccurrences(of: "kubeletVersion: v1.35.0", with: "kubeletVersion: v1.34.2")
            .replacingOccurrences(of: "cgroupDriver: systemd", with: "cgroupDriver: systemd\nfeatureGates: {KubeletEnsureSecretPulledImages: true}\nimagePullCredentialsVerificationPolicy: AlwaysVerify")
        guard case .verified = Self.verdict(alpha) else {
            Issue.record("the gate turned on with AlwaysVerify should verify")
            return
        }
    }

    @Test func withoutNodesOrKubeletConfigurationNothingIsKnown() {
        #expect(Self.verdict("apiVersion: v1\nkind: Namespace\nmetadata: {name: team}\n") == .unknown)
    }

    @Test func thePullPolicyRuleNamesACrossTenantLeakOnlyWhereKubeletsDoNotVerify() throws {
        let pod = "\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: team}\nspec:\n  containers: [{name: web, image: ghcr.io/example/web:1.2}]\n"
        let verifying = Auditor.audit(AuditContext(inventory: Fixtures.inventory(try Self.kubeadm() + pod)), rules: [ImagesPullPolicy()])
            .filter { $0.object.name == "web" }
        #expect(verifying.map(\.message) == ["container \"web\" pulls 'ghcr.io/example/web:1.2' with imagePullPolicy IfNotPresent: a node may run a stale cached image"])
        let alone = Auditor.audit(AuditContext(inventory: Fixtures.inventory(pod)), rules: [ImagesPullPolicy()])
        #expect(alone.first?.message.hasSuffix("a node may run a stale or another tenant's cached image") == true)
    }
}
