import Foundation
import RampartAdmission
import RampartPolicy
import RampartRules
import Testing

/// A custom rule of the configuration judges the object under admission like a catalog rule.
@Suite struct CustomRuleAdmissionTests {
    static let config = """
        apiVersion: rampart.dev/v1alpha1
        kind: Config
        webhook: {mode: enforce, denyOn: medium}
        customRules:
        - id: custom.owner-label
          title: Every Deployment names its owner
          severity: high
          layer: tenancy
          match: {apiGroups: [apps], kinds: [Deployment]}
          validations:
          - expression: "has(object.metadata.labels) && 'owner' in object.metadata.labels"
            message: the Deployment has no owner label
        """

    static func deployment(labels: String) -> String {
        """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"team-a","labels":{\(labels)}},
         "spec":{"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},
          "spec":{"containers":[]}}}}
        """
    }

    func decide(_ object: String) throws -> AdmissionDecision {
        let (config, errors) = WebhookConfig.parse(Array(Self.config.utf8), file: "config.yaml",
                                                   knownRules: Set(Catalog.rules.map(\.metadata.id)))
        #expect(errors == [])
        let review = Reviews.review(object, kind: "Deployment", group: "apps", resource: "deployments")
        let (_, request) = try AdmissionReview.decode(Array(review.utf8))
        return AdmissionController(config: config).decide(request, today: "2026-12-02")
    }

    @Test func theWebhookDeniesWhatACustomRuleReports() throws {
        let denied = try decide(Self.deployment(labels: #""app":"web""#))
        #expect(denied.response.allowed == false)
        #expect(denied.response.message?.contains("custom.owner-label at metadata.labels: the Deployment has no owner label") == true)
        let allowed = try decide(Self.deployment(labels: #""app":"web","owner":"team-a""#))
        #expect(allowed.findings.filter { $0.finding.ruleId.hasPrefix("custom.") }.isEmpty)
    }
}
