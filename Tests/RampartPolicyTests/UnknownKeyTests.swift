import Foundation
import RampartLoading
import RampartModel
import RampartPolicy
import RampartRules
import Testing
import TestSupport

/// Issue 14: a misspelt key in the configuration is an error naming its line and the key meant,
/// not a silently ignored setting.
@Suite struct UnknownKeyTests {
    static let known = Set(Catalog.rules.map(\.metadata.id))

    private func config(_ text: String) -> (PolicyConfig, [InputError]) {
        PolicyConfig.parse(Array(text.utf8), file: ".rampart.yaml", knownRules: Self.known)
    }

    private func webhook(_ text: String) -> (WebhookConfig, [InputError]) {
        WebhookConfig.parse(Array(text.utf8), file: ".rampart.yaml", knownRules: Self.known)
    }

    @Test func misspeltExceptionKeyIsAnErrorAndTheExceptionIsDropped() {
        let (parsed, errors) = config("""
            apiVersion: rampart.dev/v1alpha1
            kind: Config
            exceptions:
            - rule: exposure.load-balancer
              namespaces: team-a
              reason: the single public entry point
            """)
        #expect(errors.map(\.description) == [
            ".rampart.yaml:5:3: unknown key 'namespaces' in exception; did you mean 'namespace'?",
        ])
        // Kept, it would suppress the rule in every namespace.
        #expect(parsed.exceptions.isEmpty)
    }

    @Test func misspeltTopLevelKeyIsAnError() {
        let (parsed, errors) = config("""
            kind: Config
            failOn: high
            registry: [registry.example.com]
            """)
        #expect(errors.map(\.description) == [
            ".rampart.yaml:3:1: unknown key 'registry' in the configuration; did you mean 'registries'?",
        ])
        #expect(parsed.failOn == .high)
    }

    @Test func misspeltRuleOverrideKeyIsAnError() {
        let (_, errors) = config("""
            kind: Config
            rules:
              images.no-digest:
                enable: false
              images.latest-tag: {severity: high, sevrity: low}
            """)
        #expect(errors.map(\.description) == [
            ".rampart.yaml:4:5: unknown key 'enable' in rule 'images.no-digest'; did you mean 'enabled'?",
            ".rampart.yaml:5:39: unknown key 'sevrity' in rule 'images.latest-tag'; did you mean 'severity'?",
        ])
    }

    @Test func misspeltWebhookKeysAreErrors() {
        let (parsed, errors) = webhook("""
            kind: Config
            webhook:
              mdoe: warn
              exempt:
                user: [ops@example.com]
              namespaces:
              - names: [team-a]
                podsecurity: baseline
            """)
        #expect(errors.map(\.description) == [
            ".rampart.yaml:3:3: unknown key 'mdoe' in webhook; did you mean 'mode'?",
            ".rampart.yaml:5:5: unknown key 'user' in webhook.exempt; did you mean 'users'?",
            ".rampart.yaml:8:5: unknown key 'podsecurity' in webhook namespace entry; did you mean 'podSecurity'?",
        ])
        #expect(parsed.defaultMode == .enforce)
    }

    @Test func unrelatedKeyGetsNoSuggestion() throws {
        let (_, errors) = config("""
            kind: Config
            colour: blue
            exceptions:
            - rule: "*"
              owner: team-a
              reason: inherited
            """)
        #expect(errors.map(\.line) == [2, 5])
        let top = try #require(errors.first?.message)
        #expect(top.hasPrefix("unknown key 'colour' in the configuration (known: annotationExceptions, apiVersion,"))
        #expect(!errors.contains { $0.message.contains("did you mean") })
    }

    @Test func suggestionsOnlyWhenClose() {
        let exceptionKeys = ["expires", "kind", "name", "namespace", "reason", "rule"]
        #expect(KeySuggestion.nearest(to: "namespaces", among: exceptionKeys) == "namespace")
        #expect(KeySuggestion.nearest(to: "Namespace", among: exceptionKeys) == "namespace")
        #expect(KeySuggestion.nearest(to: "nmae", among: exceptionKeys) == "name")
        #expect(KeySuggestion.nearest(to: "reasons", among: exceptionKeys) == "reason")
        #expect(KeySuggestion.nearest(to: "expiry", among: exceptionKeys) == "expires")
        #expect(KeySuggestion.nearest(to: "owner", among: exceptionKeys) == nil)
        #expect(KeySuggestion.nearest(to: "ns", among: exceptionKeys) == nil)
        #expect(KeySuggestion.nearest(to: "registry", among: ["registries", "rules"]) == "registries")
        #expect(KeySuggestion.nearest(to: "annotations", among: ["annotationExceptions", "exceptions"]) == "annotationExceptions")
    }

    @Test func exampleAndDocumentedConfigurationsHaveNoErrors() throws {
        let example = try #require(FileManager.default.contents(
            atPath: Fixtures.repositoryRoot.appendingPathComponent("examples/rampart.yaml").path))
        let (parsed, errors) = webhook(String(decoding: example, as: UTF8.self))
        #expect(errors.isEmpty, "\(errors.map(\.description))")
        #expect(parsed.policy.exceptions.count == 3)
        #expect(parsed.policy.settings.allowedRegistries.count == 5)

        let (_, documented) = webhook("""
            apiVersion: rampart.dev/v1alpha1
            kind: Config
            failOn: high
            rules:
              images.no-digest: {enabled: false}
              images.latest-tag: {severity: high}
            registries: [registry.example.com, ghcr.io/example]
            platformNamespaces: [ingress-nginx, cert-manager, monitoring]
            annotationExceptions: true
            exceptions:
            - rule: exposure.load-balancer
              namespace: ingress-nginx
              kind: Service
              name: ingress-nginx-controller
              reason: "the cluster's single public entry point"
              expires: 2027-06-30
            webhook:
              mode: enforce
              denyOn: medium
              exempt:
                namespaces: [monitoring]
                users: [ops@example.com]
                groups: [platform-admins]
                serviceAccounts: [argocd/argocd-application-controller]
              namespaces:
                - names: [team-a, "sandbox-*"]
                  mode: warn
                  podSecurity: baseline
                - name: legacy
                  labels: {pod-security.kubernetes.io/enforce: privileged}
                  annotationExceptions: true
            """)
        #expect(documented.isEmpty, "\(documented.map(\.description))")
    }
}
