import RampartPolicy
import RampartRules
import Testing
import TestSupport

/// A custom rule over a Secret never quotes the Secret's data into a finding: neither through its
/// message expression nor through the text of an evaluation error.
@Suite struct CustomRuleSecretTests {
    static let canary = "canary-5f3a9"

    static let config = """
        apiVersion: rampart.dev/v1alpha1
        kind: Config
        customRules:
        - id: custom.secret-review
          title: Secrets are reviewed
          severity: medium
          layer: secrets
          match: {kinds: [Secret]}
          validations:
          - expression: "false"
            message: secrets are reviewed
            messageExpression: "'token: ' + object.stringData.token"
          - expression: "object.stringData[object.stringData.token] == 'x'"
          - expression: "quantity(object.stringData.token).isInteger()"
        """

    static let manifests = """
        apiVersion: v1
        kind: Secret
        metadata: {name: s, namespace: team}
        stringData: {token: \(canary)}
        """

    @Test func findingsOnASecretNeverQuoteItsData() {
        let (config, errors) = PolicyConfig.parse(Array(Self.config.utf8), file: ".rampart.yaml",
                                                  knownRules: Set(Catalog.rules.map(\.metadata.id)))
        #expect(errors == [])
        let findings = Auditor.audit(AuditContext(inventory: Fixtures.inventory(Self.manifests), settings: config.settings),
                                     rules: config.enabledRules(from: []))
        #expect(findings.count == 3)
        #expect(findings.first?.message == "secrets are reviewed")
        for finding in findings {
            #expect(!finding.message.contains(Self.canary), "\(finding.message)")
        }
    }
}
