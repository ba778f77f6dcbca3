import Foundation
import RampartAdmission
import RampartPolicy
import RampartRules
import Testing

@Suite("Admission decisions on real AdmissionReview JSON")
struct AdmissionControllerTests {
    static let today = "2025-06-01"

    func decide(_ body: String, config: WebhookConfig = WebhookConfig()) throws -> (AdmissionDecision, String) {
        let (apiVersion, request) = try AdmissionReview.decode(Array(body.utf8))
        let decision = AdmissionController(config: config).decide(request, today: Self.today)
        return (decision, String(decoding: AdmissionReview.encode(decision.response, apiVersion: apiVersion), as: UTF8.self))
    }

    func config(_ yaml: String) -> WebhookConfig {
        let (config, errors) = WebhookConfig.parse(Array(yaml.utf8), file: "config.yaml",
                                                   knownRules: Set(Catalog.rules.map(\.metadata.id)))
        #expect(errors.isEmpty, "\(errors)")
        return config
    }

    @Test func upstreamScaleExampleIsAllowedWithTheUpstreamResponse() throws {
        let (decision, json) = try decide(Reviews.upstreamScale)
        #expect(decision.skipped == "subresource scale")
        #expect(json == Reviews.upstreamAllowedResponse)
    }

    @Test func compliantPodIsAllowedWithoutWarnings() throws {
        let (decision, json) = try decide(Reviews.review(Reviews.pod([Reviews.goodContainer])))
        #expect(decision.findings.map(\.finding.ruleId) == [])
        #expect(decision.response.allowed)
        #expect(json.hasSuffix(#""response":{"uid":"b1e1c2d3-0000-4000-8000-000000000001","allowed":true}}"#))
    }

    @Test func privilegedPodIsDeniedNamingRuleAndField() throws {
        let (decision, json) = try decide(Reviews.review(Reviews.pod([Reviews.privilegedContainer])))
        #expect(!decision.response.allowed)
        #expect(decision.mode == .enforce)
        let message = try #require(decision.response.message)
        #expect(message.contains("pss.privileged at spec.containers[0].securityContext.privileged"))
        #expect(json.contains(#""status":{"code":403,"reason":"Forbidden","message":"rampart denied this Pod"#))
    }

    @Test func namespaceModesWarnAndAudit() throws {
        let config = config("""
            apiVersion: rampart.dev/v1alpha1
            kind: Config
            webhook:
              namespaces:
                - names: [team-a]
                  mode: warn
                - names: ["audit-*"]
                  mode: audit
            """)
        let body = Reviews.pod([Reviews.privilegedContainer])
        let (warned, _) = try decide(Reviews.review(body), config: config)
        #expect(warned.response.allowed)
        #expect(warned.response.warnings.contains { $0.hasPrefix("pss.privileged at spec.containers[0].securityContext.privileged") })
        let (audited, json) = try decide(Reviews.review(body, namespace: "audit-1"), config: config)
        #expect(audited.response.allowed && audited.response.warnings.isEmpty)
        #expect(audited.findings.contains { $0.finding.ruleId == "pss.privileged" && $0.effect == .audit })
        #expect(!json.contains("warnings"))
    }

    @Test func lowSeverityFindingsWarnInEnforceMode() throws {
        let unpinned = Reviews.goodContainer.replacingOccurrences(of: #"@sha256:4b2e1c4b5c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f"#, with: "")
        let (decision, _) = try decide(Reviews.review(Reviews.pod([unpinned])))
        #expect(decision.response.allowed)
        #expect(decision.findings.map(\.effect) == [.warn, .warn])
        #expect(Set(decision.findings.map(\.finding.ruleId)) == ["images.no-digest", "images.pull-policy"])
    }

    @Test func exemptNamespacesUsersGroupsAndServiceAccounts() throws {
        let config = config("""
            apiVersion: rampart.dev/v1alpha1
            kind: Config
            webhook:
              exempt:
                namespaces: [monitoring]
                users: [ops@example.com]
                groups: [platform-admins]
                serviceAccounts: [argocd/argocd-application-controller]
            """)
        let body = Reviews.pod([Reviews.privilegedContainer])
        #expect(try decide(Reviews.review(body, namespace: "kube-system")).0.skipped == "exempt namespace")
        #expect(try decide(Reviews.review(body, namespace: "monitoring"), config: config).0.skipped == "exempt namespace")
        #expect(try decide(Reviews.review(body, user: "ops@example.com"), config: config).0.skipped == "exempt user")
        #expect(try decide(Reviews.review(body, groups: ["platform-admins"]), config: config).0.skipped == "exempt group")
        let argo = "system:serviceaccount:argocd:argocd-application-controller"
        #expect(try decide(Reviews.review(body, user: argo), config: config).0.skipped == "exempt user")
        #expect(try !decide(Reviews.review(body, user: "alice"), config: config).0.response.allowed)
    }

    @Test func updateKeepsPreexistingFindingsAsWarnings() throws {
        let old = Reviews.pod([Reviews.privilegedContainer])
        let relabelled = old.replacingOccurrences(of: #""annotations":{}"#, with: #""annotations":{"note":"x"}"#)
        let (decision, _) = try decide(Reviews.review(relabelled, oldObject: old, operation: "UPDATE"))
        #expect(decision.response.allowed)
        #expect(decision.findings.map(\.effect) == [.preexisting])
        #expect(decision.response.warnings.first?.hasSuffix("(already present before this update)") == true)
    }

    @Test func ephemeralContainerSubresourceIsJudged() throws {
        let old = Reviews.pod([Reviews.goodContainer])
        let debug = Reviews.privilegedContainer.replacingOccurrences(of: #""name":"app""#, with: #""name":"debugger""#)
        let new = Reviews.pod([Reviews.goodContainer], ephemeral: [debug])
        let (decision, _) = try decide(Reviews.review(new, oldObject: old, subResource: "ephemeralcontainers", operation: "UPDATE"))
        #expect(!decision.response.allowed)
        #expect(decision.response.message?.contains("pss.privileged at spec.ephemeralContainers[0].securityContext.privileged") == true)
    }

    @Test func dryRunIsDecidedTheSame() throws {
        let body = Reviews.pod([Reviews.privilegedContainer])
        let (dry, _) = try decide(Reviews.review(body, dryRun: true))
        let (real, _) = try decide(Reviews.review(body))
        #expect(dry.response == real.response)
    }

    @Test func unknownKindsAndDeletesAreAllowedUnjudged() throws {
        let widget = #"{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},"spec":{"privileged":true}}"#
        let (custom, _) = try decide(Reviews.review(widget, kind: "Widget", group: "example.com", resource: "widgets"))
        #expect(custom.skipped == "kind not judged" && custom.response.allowed)
        let (deleted, _) = try decide(Reviews.review(nil, oldObject: Reviews.pod([Reviews.privilegedContainer]), operation: "DELETE"))
        #expect(deleted.skipped == "operation DELETE")
    }

    @Test func namespaceLevelFromConfigurationAndLabels() throws {
        let config = config("""
            apiVersion: rampart.dev/v1alpha1
            kind: Config
            webhook:
              namespaces:
                - name: legacy
                  podSecurity: privileged
                - name: team-b
                  labels: {pod-security.kubernetes.io/enforce: baseline}
            """)
        let rootPod = Reviews.pod([Reviews.goodContainer.replacingOccurrences(of: #""runAsNonRoot":true"#, with: #""runAsNonRoot":false"#)])
        #expect(try !decide(Reviews.review(rootPod, namespace: "team-a"), config: config).0.response.allowed)
        #expect(try decide(Reviews.review(rootPod, namespace: "team-b"), config: config).0.response.allowed)
        let privileged = Reviews.pod([Reviews.privilegedContainer])
        #expect(try !decide(Reviews.review(privileged, namespace: "team-b"), config: config).0.response.allowed)
        #expect(try decide(Reviews.review(privileged, namespace: "legacy"), config: config).0.response.allowed)
    }

    @Test func annotationClaimsCountOnlyWhereAllowed() throws {
        let config = config("""
            apiVersion: rampart.dev/v1alpha1
            kind: Config
            webhook:
              namespaces:
                - name: trusted
                  annotationExceptions: true
            """)
        let claimed = Reviews.pod([Reviews.privilegedContainer],
                                  annotations: #"{"rampart.dev/ignore":"pss.privileged: GPU driver needs it"}"#)
        let (trusted, _) = try decide(Reviews.review(claimed, namespace: "trusted"), config: config)
        #expect(trusted.response.allowed && trusted.findings.map(\.effect) == [.claimed])
        #expect(try !decide(Reviews.review(claimed, namespace: "team-a"), config: config).0.response.allowed)
    }

    @Test func configurationExceptionsAndSeverityOverridesApply() throws {
        let config = config("""
            apiVersion: rampart.dev/v1alpha1
            kind: Config
            rules:
              images.no-digest: {severity: high}
            exceptions:
              - rule: pss.privileged
                namespace: team-a
                reason: node agent
            """)
        let unpinned = Reviews.privilegedContainer.replacingOccurrences(of: #"@sha256:4b2e1c4b5c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f"#, with: "")
        let (decision, _) = try decide(Reviews.review(Reviews.pod([unpinned])), config: config)
        #expect(decision.findings.first { $0.finding.ruleId == "pss.privileged" }?.effect == .excepted)
        #expect(decision.findings.first { $0.finding.ruleId == "images.no-digest" }?.effect == .deny)
    }

    @Test func namespaceObjectsAreJudgedByTheirOwnLabelsOnly() throws {
        let bare = #"{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"team-c"}}"#
        let (denied, _) = try decide(Reviews.review(bare, kind: "Namespace", resource: "namespaces", namespace: nil, name: "team-c"))
        #expect(denied.findings.map(\.finding.ruleId) == ["pss.namespace-not-enforced"])
        let labelled = #"{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"team-c","labels":{"pod-security.kubernetes.io/enforce":"restricted"}}}"#
        let (allowed, _) = try decide(Reviews.review(labelled, kind: "Namespace", resource: "namespaces", namespace: nil, name: "team-c"))
        #expect(allowed.response.allowed && allowed.findings.isEmpty, "no quota or limit range rule at admission")
    }

    @Test func secretValuesNeverReachTheResponse() throws {
        let configMap = #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"app"},"data":{"DB_PASSWORD":"hunter2hunter2"}}"#
        let (decision, json) = try decide(Reviews.review(configMap, kind: "ConfigMap", resource: "configmaps"))
        #expect(!decision.response.allowed)
        #expect(json.contains("secrets.literal-in-configmap"))
        #expect(!json.contains("hunter2"))
        let secret = #"{"apiVersion":"v1","kind":"Secret","metadata":{"name":"db"},"data":{"password":"aHVudGVyMg=="}}"#
        let (_, secretJSON) = try decide(Reviews.review(secret, kind: "Secret", resource: "secrets"))
        #expect(!secretJSON.contains("aHVudGVyMg"))
    }

    @Test func malformedAndInvalidReviewsSayWhy() {
        #expect(throws: AdmissionReviewError.self) { try AdmissionReview.decode(Array("{not json".utf8)) }
        #expect {
            try AdmissionReview.decode(Array(#"{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"kind":{"kind":"Pod"},"operation":"CREATE"}}"#.utf8))
        } throws: { ($0 as? AdmissionReviewError) == .invalid("request.uid is missing") }
        #expect {
            try AdmissionReview.decode(Array(#"{"apiVersion":"v1","kind":"Pod"}"#.utf8))
        } throws: { ($0 as? AdmissionReviewError) == .invalid("kind must be AdmissionReview") }
    }

    @Test func configurationErrorsNameTheLine() {
        let (_, errors) = WebhookConfig.parse(Array("""
            apiVersion: rampart.dev/v1alpha1
            kind: Config
            webhook:
              mode: strict
              exempt:
                serviceAccounts: [argocd]
            """.utf8), file: "c.yaml", knownRules: [])
        #expect(errors.map(\.line) == [4, 6])
    }
}

@Suite("Rules judged at admission")
struct AdmissionRulesTests {
    @Test func oneObjectRulesOnly() {
        let ids = Set(AdmissionRules.select(from: Catalog.rules).map(\.metadata.id))
        for id in ["pss.privileged", "pss.run-as-non-root", "pss.namespace-not-enforced", "images.latest-tag",
                   "exposure.node-port", "secrets.literal-in-configmap", "serviceaccounts.token-automount",
                   "resources.missing-limits"] {
            #expect(ids.contains(id), "\(id)")
        }
        #expect(!ids.contains("resources.namespace-without-quota"))
        #expect(!ids.contains("resources.namespace-without-limitrange"))
        // A Role judged by itself: a rule of a family the webhook never named before runs because its scope allows it.
        #expect(ids.contains("rbac.wildcard-rules"))
        #expect(!ids.contains("rbac.secrets-read") && !ids.contains { $0.hasPrefix("netpol.") || $0.hasPrefix("tenancy.") })
        let kinds = AdmissionRules.kinds(of: AdmissionRules.select(from: Catalog.rules))
        #expect(kinds.isSuperset(of: ["Pod", "Deployment", "CronJob", "Service", "Ingress", "ConfigMap", "Namespace"]))
        #expect(!kinds.contains("Secret"))
        #expect(kinds.isSuperset(of: ["Role", "ClusterRole"]))
    }

    @Test("the webhook's rules follow from each rule's scope, not from a list of families")
    func selectionFollowsTheScope() {
        let selected = Set(AdmissionRules.select(from: Catalog.rules).map(\.metadata.id))
        let oneObject = Set(Catalog.rules.filter { $0.scope.judgesOneObject }.map(\.metadata.id))
        #expect(selected == oneObject)
    }
}
