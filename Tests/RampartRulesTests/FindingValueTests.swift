import Foundation
import RampartModel
import RampartRules
import Testing
import TestSupport

/// A finding stores what its rule and violation say once, shared by its copies: it must still
/// behave as a value (a changed severity is the copy's own), compare and hash by what it says, and
/// encode every field under its name as the synthesized encoding did.
@Suite struct FindingValueTests {
    private static let object = Fixtures.objects("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          namespace: team-a
        """, file: "pods.yaml")[0]

    private static func finding(message: String = "privileged container") -> Finding {
        Finding(rule: RuleMetadata(id: "pss.privileged", title: "Privileged container", severity: .high, layer: .pod,
                                   standards: ["CIS 5.2.1"], rationale: "", remediation: "Drop privileged."),
                violation: Violation(object: object, path: "spec.containers[0].securityContext.privileged",
                                     message: message, notes: ["a note"]))
    }

    @Test func aCopyKeepsItsOwnSeverity() {
        let original = Self.finding()
        var copy = original
        copy.severity = .low
        #expect(original.severity == .high)
        #expect(copy.severity == .low)
        #expect(copy.ruleId == original.ruleId && copy.message == original.message)
        #expect(copy != original)
    }

    @Test func findingsThatSayTheSameAreEqualAndHashAlike() {
        let first = Self.finding()
        let second = Self.finding()
        #expect(first == second)
        #expect(Set([first, second]).count == 1)
        #expect(Self.finding(message: "other") != first)
        var lowered = second
        lowered.severity = .low
        #expect(Set([first, second, lowered]).count == 2)
    }

    @Test func encodesEveryFieldByNameAndDecodesBack() throws {
        var finding = Self.finding()
        finding.severity = .critical
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(finding)
        let members = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(members.keys) == ["fix", "layer", "location", "message", "notes", "object", "path", "ruleId",
                                      "severity", "standards", "title"])
        #expect(members["severity"] as? String == "critical")
        #expect(members["message"] as? String == "privileged container")
        let decoded = try JSONDecoder().decode(Finding.self, from: data)
        #expect(decoded == finding)
        #expect(try encoder.encode(decoded) == data)
    }
}
