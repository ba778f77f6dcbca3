import Foundation
import RampartAdmission
import RampartLoading
import RampartModel
import RampartPolicy
import RampartRules
import Testing

/// The webhook and `audit` apply the configuration (severity overrides, exceptions) and owners'
/// claims through one function, so the same object under the same configuration is judged alike.
@Suite struct OnePolicyPathTests {
    static let configuration = """
        apiVersion: rampart.dev/v1alpha1
        kind: Config
        annotationExceptions: true
        rules:
          images.no-digest: {severity: high}
          resources.missing-limits: {severity: info}
        exceptions:
          - rule: pss.privileged
            namespace: team-a
            reason: node agent
        webhook:
          namespaces:
            - name: team-a
              annotationExceptions: true
        """

    @Test func auditAndAdmissionAgreeOnEveryFinding() throws {
        let known = Set(Catalog.rules.map(\.metadata.id))
        let (webhook, errors) = WebhookConfig.parse(Array(Self.configuration.utf8), file: "c.yaml", knownRules: known)
        #expect(errors.isEmpty, "\(errors)")
        let container = Reviews.privilegedContainer
            .replacingOccurrences(of: #"@sha256:4b2e1c4b5c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f"#, with: "")
            .replacingOccurrences(of: #""limits":{"cpu":"1","memory":"128Mi","ephemeral-storage":"1Gi"}"#, with: #""limits":{"ephemeral-storage":"1Gi"}"#)
        let pod = Reviews.pod([container], annotations: #"{"rampart.dev/ignore":"images.latest-tag: pinned by tag policy"}"#)

        let (_, request) = try AdmissionReview.decode(Array(Reviews.review(pod).utf8))
        let admitted = AdmissionController(config: webhook).decide(request, today: "2025-06-01").findings

        var object = try #require(ManifestLoader.load(Array(pod.utf8), file: "pod.json").objects.first?.root)
        object = object.settingNamespace("team-a")
        let inventory = Inventory(objects: [try #require(KubeObject(root: object, file: "pod.json"))])
        let context = AuditContext(inventory: inventory, settings: webhook.policy.settings)
        let audited = PolicyEngine.apply(Auditor.audit(context, rules: AdmissionRules.select(from: Catalog.rules)),
                                         config: webhook.policy, inventory: inventory, baseline: nil, today: "2025-06-01")

        let severities = { (findings: [Finding]) in Dictionary(findings.map { ($0.ruleId, $0.severity) }, uniquingKeysWith: max) }
        #expect(severities(admitted.map(\.finding)) == severities(audited.findings + audited.suppressed.map(\.finding)))
        #expect(Set(admitted.filter { $0.effect == .excepted }.map(\.finding.ruleId))
                == Set(audited.suppressed.filter { $0.source == .config }.map(\.finding.ruleId)))
        #expect(Set(admitted.filter { $0.effect == .claimed }.map(\.finding.ruleId))
                == Set(audited.suppressed.filter { $0.source == .annotation }.map(\.finding.ruleId)))
        #expect(admitted.contains { $0.finding.ruleId == "pss.privileged" && $0.effect == .excepted })
        #expect(admitted.contains { $0.finding.ruleId == "images.no-digest" && $0.finding.severity == .high })
    }
}

private extension Node {
    /// The object with `metadata.namespace` set, as the API server stores it.
    func settingNamespace(_ namespace: String) -> Node {
        let metadata = self["metadata"]?.entries ?? []
        let namespaced = Node(.mapping(metadata + [MappingEntry(key: "namespace", keyMark: mark,
                                                                value: Node(.scalar(Scalar(namespace, isPlain: true)), mark: mark))]),
                              mark: mark)
        return Node(.mapping(entries.map { $0.key == "metadata" ? MappingEntry(key: "metadata", keyMark: $0.keyMark, value: namespaced) : $0 }),
                    mark: mark)
    }
}
