import RampartModel
import RampartRules
import Testing
import TestSupport

/// Issue 19, item 2: which namespaces and registries the cluster's signature verification covers.
@Suite struct SignatureCoverageTests {
    static let workload = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: team-a, labels: {kubernetes.io/metadata.name: team-a, tier: gold}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: team-a}
        spec:
          template:
            spec:
              containers: [{name: web, image: "registry.example.com/team-a/web:1.0"}]
        """

    static func unverified(_ policy: String) -> Int {
        let context = AuditContext(inventory: Fixtures.inventory(workload + "\n---\n" + policy))
        return Auditor.audit(context, rules: [ImagesSignatureNotVerified()]).count
    }

    @Test("an enforcing policy that covers the namespace and registry leaves nothing; an audit-only or narrower one does not count",
          arguments: [
              ("kind: ClusterPolicy\napiVersion: kyverno.io/v1\nmetadata: {name: p}\nspec:\n  rules:\n  - match: {any: [{resources: {kinds: [Pod]}}]}\n    verifyImages: [{imageReferences: [\"registry.example.com/*\"], failureAction: Enforce}]", 0),
              ("kind: ClusterPolicy\napiVersion: kyverno.io/v1\nmetadata: {name: p}\nspec:\n  validationFailureAction: Enforce\n  rules:\n  - match: {resources: {kinds: [Pod], namespaces: [\"team-*\"]}}\n    verifyImages: [{imageReferences: [\"registry.example.com/team-?/*\"]}]", 0),
              ("kind: ClusterPolicy\napiVersion: kyverno.io/v1\nmetadata: {name: p}\nspec:\n  rules:\n  - match: {any: [{resources: {kinds: [Pod]}}]}\n    verifyImages: [{imageReferences: [\"registry.example.com/*\"], failureAction: Audit}]", -1),
              ("kind: ClusterPolicy\napiVersion: kyverno.io/v1\nmetadata: {name: p}\nspec:\n  rules:\n  - match: {any: [{resources: {kinds: [Pod], namespaces: [prod]}}]}\n    verifyImages: [{imageReferences: [\"*\"], failureAction: Enforce}]", 1),
              ("kind: Policy\napiVersion: kyverno.io/v1\nmetadata: {name: p, namespace: other}\nspec:\n  rules:\n  - match: {any: [{resources: {kinds: [Pod]}}]}\n    verifyImages: [{imageReferences: [\"*\"], failureAction: Enforce}]", 1),
              ("kind: ImageValidatingPolicy\napiVersion: policies.kyverno.io/v1alpha1\nmetadata: {name: p}\nspec:\n  validationActions: [Deny]\n  matchConstraints: {namespaceSelector: {matchLabels: {tier: gold}}}\n  matchImageReferences: [{glob: \"registry.example.com/*\"}]", 0),
              ("kind: ClusterImagePolicy\napiVersion: policy.sigstore.dev/v1beta1\nmetadata: {name: p}\nspec:\n  images: [{glob: \"registry.example.com/**\"}]", 1),  // team-a is not opted in
              ("kind: RatifyVerification\napiVersion: constraints.gatekeeper.sh/v1beta1\nmetadata: {name: p}\nspec:\n  match: {excludedNamespaces: [kube-system]}", 0),
              ("kind: MutatingWebhookConfiguration\napiVersion: admissionregistration.k8s.io/v1\nmetadata: {name: connaisseur-webhook}\nwebhooks:\n- name: connaisseur-svc.connaisseur.svc", 0),
          ])
    func coverage(_ policy: String, expected: Int) {
        // -1: no enforcing policy at all, so the rule (a coverage rule) says nothing.
        #expect(Self.unverified(policy) == max(expected, 0), "\(policy)")
    }

    @Test func wildcardsMatchAnyRunOrOneCharacter() {
        #expect(Wildcard.matches("registry.example.com/*", "registry.example.com/a/b:1"))
        #expect(Wildcard.matches("team-?", "team-a"))
        #expect(!Wildcard.matches("team-?", "team-ab"))
        #expect(!Wildcard.matches("ghcr.io/*", "docker.io/ghcr.io/x"))
    }
}
