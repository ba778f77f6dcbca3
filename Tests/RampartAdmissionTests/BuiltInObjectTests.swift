import Foundation
import RampartAdmission
import RampartPolicy
import RampartRules
import TestSupport
import Testing

/// Objects Kubernetes' own components create are admitted (warned at most), even in enforce mode.
@Suite struct BuiltInObjectTests {
    static let today = "2025-06-01"

    /// A real self-signed certificate, as the controller manager publishes the cluster CA.
    static let certificate = PEMFixtures.selfSignedCertificate

    /// A made-up private key block (not a real key).
    static let privateKey = "-----BEGIN RSA " + "PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n-----END RSA PRIVATE KEY-----\n"

    func decide(_ body: String) throws -> AdmissionDecision {
        let (_, request) = try AdmissionReview.decode(Array(body.utf8))
        return AdmissionController(config: WebhookConfig()).decide(request, today: Self.today)
    }

    /// A ConfigMap in JSON with `data`, its values escaped.
    func configMap(_ name: String, _ data: [String: String]) throws -> String {
        let object: [String: Any] = ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": name], "data": data]
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    @Test func kubeRootCAConfigMapIsAdmittedInEnforceModeWithoutFindings() throws {
        let body = try configMap("kube-root-ca.crt", ["ca.crt": Self.certificate])
        let user = "system:serviceaccount:kube-system:root-ca-cert-publisher"
        for operation in ["CREATE", "UPDATE"] {
            let decision = try decide(Reviews.review(body, oldObject: operation == "UPDATE" ? body : nil, kind: "ConfigMap",
                                                     resource: "configmaps", namespace: "team-a", name: "kube-root-ca.crt",
                                                     operation: operation, user: user))
            #expect(decision.mode == .enforce)
            #expect(decision.skipped == nil, "judged, not skipped")
            #expect(decision.response.allowed)
            #expect(decision.findings.isEmpty)
            #expect(decision.response.warnings.isEmpty)
        }
    }

    @Test func anyConfigMapWithACertificateIsAdmitted() throws {
        let body = try configMap("ca-bundle", ["ca.crt": Self.certificate, "service-ca.crt": Self.certificate])
        let decision = try decide(Reviews.review(body, kind: "ConfigMap", resource: "configmaps", name: "ca-bundle"))
        #expect(decision.response.allowed && decision.findings.isEmpty)
    }

    @Test func privateKeyInAConfigMapIsStillDenied() throws {
        let body = try configMap("tls", ["ca.crt": Self.certificate, "tls.key": Self.privateKey])
        let decision = try decide(Reviews.review(body, kind: "ConfigMap", resource: "configmaps", name: "tls"))
        #expect(!decision.response.allowed)
        #expect(decision.findings.map(\.finding.ruleId) == ["secrets.literal-in-configmap"])
        #expect(decision.response.message?.contains("MIIE") == false)
    }

    /// Warn at most: a real finding on a built-in object is warned about, not denied.
    @Test func findingsOnBuiltInObjectsWarnButNeverDeny() throws {
        let body = try configMap("kube-root-ca.crt", ["ca.crt": Self.certificate, "tls.key": Self.privateKey])
        let decision = try decide(Reviews.review(body, kind: "ConfigMap", resource: "configmaps", name: "kube-root-ca.crt"))
        #expect(decision.response.allowed)
        #expect(decision.findings.map(\.effect) == [.builtIn])
        #expect(decision.response.warnings.first?.hasSuffix("(object Kubernetes creates itself: not denied)") == true)
        #expect(decision.outcome == "warned")
        // The same object under another name is denied.
        let other = try configMap("root-ca", ["tls.key": Self.privateKey])
        #expect(try !decide(Reviews.review(other, kind: "ConfigMap", resource: "configmaps", name: "root-ca")).response.allowed)
    }

    @Test func systemNamespacesAreAdmittedTenantNamespacesDenied() throws {
        for name in ["default", "kube-public", "kube-node-lease"] {
            let namespace = #"{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"\#(name)"}}"#
            for requestNamespace in [nil, name] {
                let decision = try decide(Reviews.review(namespace, kind: "Namespace", resource: "namespaces",
                                                         namespace: requestNamespace, name: name))
                #expect(decision.response.allowed, "\(name)")
                #expect(decision.findings.allSatisfy { $0.effect == .builtIn || $0.effect == .warn }, "\(name)")
            }
        }
        let tenant = #"{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"defaults"}}"#
        #expect(try !decide(Reviews.review(tenant, kind: "Namespace", resource: "namespaces", namespace: nil, name: "defaults"))
            .response.allowed)
    }

    @Test func matchingNeedsGroupKindNamespaceAndName() {
        func matches(_ group: String, _ kind: String, _ namespace: String?, _ name: String) -> Bool {
            BuiltInObjects.all.contains { $0.matches(group: group, kind: kind, namespace: namespace, name: name) }
        }
        #expect(matches("", "ConfigMap", "any-namespace", "kube-root-ca.crt"))
        #expect(matches("", "ServiceAccount", "team-a", "default"))
        #expect(matches("", "Service", "default", "kubernetes"))
        #expect(!matches("", "Service", "team-a", "kubernetes"))
        #expect(!matches("", "Secret", "team-a", "kube-root-ca.crt"))
        #expect(!matches("example.com", "ConfigMap", "team-a", "kube-root-ca.crt"))
        #expect(!matches("", "ConfigMap", nil, "kube-root-ca.crt"))
        #expect(!matches("", "ConfigMap", "team-a", "extension-apiserver-authentication"))
        #expect(matches("", "ConfigMap", "kube-system", "extension-apiserver-authentication"))
    }

    /// The table, pinned: a change to it is a change to what the webhook never denies.
    @Test func tableOfBuiltInObjects() {
        #expect(BuiltInObjects.all.map(\.description) == [
            "ConfigMap */kube-root-ca.crt",
            "ServiceAccount */default",
            "Namespace default",
            "Namespace kube-system",
            "Namespace kube-public",
            "Namespace kube-node-lease",
            "Service default/kubernetes",
            "Endpoints default/kubernetes",
            "EndpointSlice.discovery.k8s.io default/kubernetes",
            "ConfigMap kube-system/extension-apiserver-authentication",
            "ConfigMap kube-system/kube-apiserver-legacy-service-account-token-tracking",
            "PriorityClass.scheduling.k8s.io system-cluster-critical",
            "PriorityClass.scheduling.k8s.io system-node-critical",
            "Lease.coordination.k8s.io kube-system/kube-controller-manager",
            "Lease.coordination.k8s.io kube-system/kube-scheduler",
        ])
        #expect(Set(BuiltInObjects.all).count == BuiltInObjects.all.count)
        #expect(BuiltInObjects.all.allSatisfy { !$0.creator.isEmpty })
    }
}
