import Foundation
import RampartLoading
import RampartModel
import RampartPolicy
@testable import RampartReport
import RampartRules
import Testing
import TestSupport

/// `JSONReporter.render` encodes the findings and the book of work item by item, in parallel
/// chunks, and splices them into the rest of the report: its bytes must be exactly those of
/// encoding the report whole.
@Suite struct JSONReporterSpliceTests {
    @Test func renderIsTheWholeEncodingOnTheExampleCluster() throws {
        let directory = Fixtures.repositoryRoot.appendingPathComponent("examples/cluster")
        let report = try Self.report(Fixtures.files(under: directory).map { url in
            (url.path, try String(contentsOf: url, encoding: .utf8))
        })
        #expect(!report.findings.isEmpty)
        #expect(try JSONReporter.render(report) == JSONReporter.encode(report))
    }

    @Test(arguments: [400, 2_000])
    func renderIsTheWholeEncodingAcrossManyChunks(podCount: Int) throws {
        // Misconfigured pods: thousands of findings, several chunks of parallel encoding; at 2,000
        // pods more chunks than one batch encodes before it is written.
        let pods = (0..<podCount).map { index in
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: app-\(index), namespace: team-\(index % 7)}
            spec: {hostNetwork: true, containers: [{name: app, image: nginx, securityContext: {privileged: true}}]}
            """
        }
        let report = try Self.report([("cluster/pods.yaml", pods.joined(separator: "\n---\n"))])
        #expect(report.findings.count > podCount * 5)
        if podCount > 1_000 { #expect(report.findings.count > SplicedArray.chunkSize * SplicedArray.batchSize) }
        #expect(try JSONReporter.render(report) == JSONReporter.encode(report))
    }

    @Test func renderIsTheWholeEncodingWithoutFindings() throws {
        let report = try Self.report([("cluster/empty.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: kube-system}\n")])
        #expect(report.findings.isEmpty)
        #expect(try JSONReporter.render(report) == JSONReporter.encode(report))
    }

    @Test func renderIsTheWholeEncodingWithEscapes() throws {
        // Quotes, backslashes, control characters, non-ASCII text and slashes in names and file
        // names; findings with and without notes (empty arrays inside items).
        let odd = """
            apiVersion: v1
            kind: Pod
            metadata: {name: "a\\"b\\\\c\\u0001/é", namespace: "t/x"}
            spec: {containers: [{name: "c\\td", image: "nginx"}]}
            """
        let report = try Self.report([("cluster/\"odd\"\\é.yaml", ReporterTests.canaryManifests + "\n---\n" + odd)])
        #expect(report.findings.contains { $0.notes.isEmpty } && report.findings.contains { !$0.notes.isEmpty })
        #expect(try JSONReporter.render(report) == JSONReporter.encode(report))
    }

    @Test func theDirectWriterEscapesEveryControlCharacterAsTheEncoderDoes() throws {
        // Findings and work items are written directly (JSONText), not by the encoder: every
        // control character, DEL, line and paragraph separators and an emoji in a name and a namespace.
        let controls = (1..<32).map { String(format: "\\x%02x", $0) }.joined() + "\\x7f\\u2028\\u2029😀/\\\\\\\""
        let pod = """
            apiVersion: v1
            kind: Pod
            metadata: {name: "p\(controls)", namespace: "n\(controls)"}
            spec: {hostNetwork: true, containers: [{name: "c\(controls)", image: "nginx"}]}
            """
        let report = try Self.report([("cluster/pod.yaml", pod)])
        #expect(report.findings.contains { $0.object.name.unicodeScalars.contains("\u{1}") && $0.object.name.contains("😀") })
        #expect(try JSONReporter.render(report) == JSONReporter.encode(report))
    }

    /// The audit of `files` (name, text) with the default configuration.
    static func report(_ files: [(String, String)]) throws -> AuditReport {
        var loaded = LoadResult()
        for (file, text) in files { loaded.append(ManifestLoader.load(Array(text.utf8), file: file)) }
        let inventory = Inventory(objects: loaded.objects)
        let findings = Auditor.audit(AuditContext(inventory: inventory), rules: Catalog.rules)
        let outcome = PolicyEngine.apply(findings, config: PolicyConfig(), inventory: inventory, baseline: nil, today: "2026-12-02")
        return AuditReport(version: "test", objects: inventory.objects.count, errors: loaded.errors, outcome: outcome, failOn: .high)
    }
}
