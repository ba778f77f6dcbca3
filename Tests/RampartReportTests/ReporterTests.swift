import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import RampartLoading
import RampartModel
import RampartPolicy
import RampartReport
import RampartRules
import Testing
import TestSupport

@Suite struct ReporterTests {
    static let canary = "CANARY-7f3a9c2e-do-not-print"

    /// Secrets, ConfigMaps and env values that carry the canary, in every place a value can hide.
    static let canaryManifests = """
        apiVersion: v1
        kind: Secret
        metadata:
          name: db
          namespace: team
          annotations: {kubectl.kubernetes.io/last-applied-configuration: "{\\"data\\":{\\"password\\":\\"\(canary)\\"}}"}
        data: {password: \(Data(canary.utf8).base64EncodedString())}
        stringData: {token: \(canary)}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings, namespace: team}
        data: {DB_PASSWORD: \(canary), api_token: \(canary)}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: app, namespace: team}
        spec:
          containers:
          - name: app
            image: "r.io/app:1"
            env: [{name: SECRET_KEY, value: \(canary)}, {name: PASSWORD, value: "\(canary)"}]
        """

    static func report(_ yaml: String = canaryManifests) -> AuditReport {
        let loaded = ManifestLoader.load(Array(yaml.utf8), file: "cluster/team.yaml")
        let inventory = Inventory(objects: loaded.objects)
        let findings = Auditor.audit(AuditContext(inventory: inventory), rules: Catalog.rules)
        let outcome = PolicyEngine.apply(findings, config: PolicyConfig(), inventory: inventory, baseline: nil, today: "2026-11-24")
        return AuditReport(version: "test", objects: inventory.objects.count, errors: loaded.errors, outcome: outcome, failOn: .high)
    }

    static func renderAll(_ report: AuditReport) throws -> [String: String] {
        let rules = Catalog.rules.map(\.metadata)
        return [
            "text": TextReporter.render(report, colour: true),
            "json": try JSONReporter.render(report),
            "sarif": try SARIFReporter.render(report, rules: rules),
            "junit": JUnitReporter.render(report, rules: rules),
            "html": HTMLAuditReporter.render(report, tenancy: nil, rules: rules,
                                             identity: HTMLPage.Identity(scanned: "cluster/team.yaml (3 objects)", generated: "2026-12-02T10:00:00Z")),
            "openreports": ResultReport.yaml(ResultReportBuilder(api: .openReports, timestamp: Date(), namespaces: ["team"])
                .build(report)),
        ]
    }

    @Test func noReporterEverPrintsASecretValue() throws {
        let report = Self.report()
        #expect(report.findings.contains { $0.ruleId == "secrets.literal-in-configmap" })
        #expect(report.findings.contains { $0.ruleId == "secrets.literal-in-env" })
        let encoded = Data(Self.canary.utf8).base64EncodedString()
        for (format, output) in try Self.renderAll(report) {
            #expect(!output.contains(Self.canary), "\(format) output leaks the canary")
            #expect(!output.contains(encoded), "\(format) output leaks the base64 canary")
            #expect(!output.contains("CANARY"), "\(format) output leaks part of the canary")
        }
    }

    @Test func jsonFollowsTheContract() throws {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONReporter.render(Self.report()).utf8)) as? [String: Any])
        #expect(json["schemaVersion"] as? Int == 1)
        #expect((json["tool"] as? [String: Any])?["name"] as? String == "rampart")
        let finding = try #require((json["findings"] as? [[String: Any]])?.first)
        for key in ["ruleId", "severity", "message", "object", "location", "path", "standards"] {
            #expect(finding[key] != nil, "finding lacks \(key)")
        }
        let location = try #require(finding["location"] as? [String: Any])
        #expect(location["file"] as? String == "cluster/team.yaml")
        #expect((location["line"] as? Int ?? 0) > 0)
    }

    @Test func sarifCarriesRuleMetadataAndRelativeLocations() throws {
        let sarif = try SARIFReporter.render(Self.report(), rules: Catalog.rules.map(\.metadata))
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(rules.count == Catalog.rules.count)
        let result = try #require((run["results"] as? [[String: Any]])?.first)
        let index = try #require(result["ruleIndex"] as? Int)
        #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
        let physical = try #require(((result["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])
        let artifact = try #require(physical["artifactLocation"] as? [String: Any])
        #expect(artifact["uri"] as? String == "cluster/team.yaml")
        #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
    }

    @Test func junitIsWellFormedXML() throws {
        let xml = JUnitReporter.render(Self.report("kind: Pod\nmetadata: {name: \"a<b&c\"}\nspec: {containers: [{name: c, image: x}]}\n"),
                                       rules: Catalog.rules.map(\.metadata))
        let parser = XMLParser(data: Data(xml.utf8))
        #expect(parser.parse(), "JUnit output is not well-formed XML")
    }

    @Test func textStartsWithTheSummaryAndIsPlainWithoutColour() {
        let text = TextReporter.render(Self.report(), colour: false)
        #expect(text.hasPrefix("rampart: FAIL: "))
        #expect(!text.contains("\u{1B}["))
    }
}
