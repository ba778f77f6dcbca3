import RampartClusterAdmission
import RampartModel
import Testing
import TestSupport

/// The admission coverage map: probes that break one control are put through Pod Security and the
/// validating policies; a policy counts for a control only when it rejects that probe and not the
/// clean one.
@Suite("What enforces each control at admission")
struct CoverageTests {
    static func namespace(_ labels: String) -> String {
        "apiVersion: v1\nkind: Namespace\nmetadata: {name: team, labels: {\(labels)}}"
    }

    static func policy(_ name: String, _ expression: String, action: String = "Deny") -> String {
        """
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicy
        metadata: {name: \(name)}
        spec:
          matchConstraints:
            resourceRules:
            - {apiGroups: [""], apiVersions: ["v1"], operations: ["CREATE"], resources: ["pods"]}
          validations:
          - expression: "\(expression)"
        ---
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicyBinding
        metadata: {name: \(name)}
        spec: {policyName: \(name), validationActions: [\(action)]}
        """
    }

    func coverage(_ documents: String...) -> NamespaceCoverage {
        AdmissionCoverage(Fixtures.inventory(documents.joined(separator: "\n---\n"))).coverage(of: "team")
    }

    @Test func restrictedPodSecurityEnforcesEveryPodControlButNotRegistries() {
        let coverage = coverage(Self.namespace("pod-security.kubernetes.io/enforce: restricted"))
        for control in CoverageControl.podSecurityControls(of: .restricted) {
            #expect(coverage.enforced(control), "\(control)")
        }
        #expect(!coverage.enforced(.imageRegistry))
        #expect(coverage.controls[.imageRegistry] == [])
    }

    @Test func warnOnlyPodSecurityIsReportedNotEnforced() {
        let coverage = coverage(Self.namespace("pod-security.kubernetes.io/warn: baseline"))
        #expect(!coverage.enforced(.privileged))
        #expect(coverage.controls[.privileged] == [.reportedOnly("Pod Security warn baseline:latest")])
    }

    @Test func aPolicyCountsForTheControlItRejects() {
        let coverage = coverage(Self.namespace(""), Self.policy("no-privileged",
            "object.spec.containers.all(c, !has(c.securityContext.privileged) || !c.securityContext.privileged)"))
        #expect(coverage.controls[.privileged] == [.policy(name: "no-privileged", binding: "no-privileged")])
        #expect(!coverage.enforced(.hostNamespaces))
    }

    @Test func aPolicyThatRejectsEverythingCountsForNothing() {
        let coverage = coverage(Self.namespace(""), Self.policy("deny-all", "false"))
        #expect(CoverageControl.allCases.allSatisfy { !coverage.enforced($0) })
    }

    @Test func theProbeImageIsOneThePoliciesAcceptSoARegistryPolicyIsSeen() {
        let pod = """
            apiVersion: v1
            kind: Pod
            metadata: {name: app, namespace: team}
            spec: {containers: [{name: c, image: registry.example.com/app:1}]}
            """
        let coverage = coverage(Self.namespace(""), pod, Self.policy("internal-registry",
            "object.spec.containers.all(c, c.image.startsWith('registry.example.com/'))"))
        #expect(coverage.controls[.imageRegistry] == [.policy(name: "internal-registry", binding: "internal-registry")])
    }

    @Test func aWarnBindingIsReportedOnly() {
        let coverage = coverage(Self.namespace(""), Self.policy("no-host-network", "object.spec.?hostNetwork.orValue(false) == false",
                                                                action: "Warn"))
        #expect(coverage.controls[.hostNamespaces] == [.reportedOnly("ValidatingAdmissionPolicy no-host-network")])
    }

    @Test func aWebhookThatSeesPodsIsUnknown() {
        let webhook = """
            apiVersion: admissionregistration.k8s.io/v1
            kind: ValidatingWebhookConfiguration
            metadata: {name: kyverno-resource-validating-webhook-cfg}
            webhooks:
            - name: validate.kyverno.svc-fail
              failurePolicy: Fail
              rules:
              - {apiGroups: ["*"], apiVersions: ["*"], operations: [CREATE, UPDATE], resources: ["*/*"], scope: "*"}
              namespaceSelector: {matchExpressions: [{key: kubernetes.io/metadata.name, operator: NotIn, values: [kyverno]}]}
            """
        let coverage = coverage(Self.namespace(""), webhook)
        #expect(coverage.controls[.privileged] == [.webhook("kyverno-resource-validating-webhook-cfg/validate.kyverno.svc-fail")])
        #expect(!coverage.enforced(.privileged))
    }
}
