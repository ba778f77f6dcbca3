import RampartModel
@testable import RampartRules
import Testing
import TestSupport

/// `--benchmark`: every CIS reference of the catalog numbered by each benchmark version, the
/// version named in every finding's standards.
@Suite struct CISBenchmarkTests {
    /// The CIS references the catalog's rules make, as written after `CIS `.
    static let catalogReferences = Set(Catalog.rules.flatMap(\.metadata.standards).filter { $0.hasPrefix("CIS ") }.map { String($0.dropFirst(4)) })

    @Test(arguments: CISBenchmark.allCases)
    func everyCISReferenceOfTheCatalogHasANumberOrSaysItHasNone(benchmark: CISBenchmark) {
        #expect(!Self.catalogReferences.isEmpty)
        for reference in Self.catalogReferences.sorted() {
            #expect(benchmark.numbers.keys.contains(reference), "\(benchmark.rawValue) does not say how it numbers CIS \(reference)")
        }
        #expect(Set(benchmark.numbers.keys) == Set(CISNumbering.controls), "\(benchmark.rawValue) numbers controls no rule cites")
    }

    @Test func theStandardBenchmarkKeepsTheRulesOwnNumbers() {
        #expect(CISBenchmark.standard.number(["CIS 5.2.2", "PSS baseline: privileged", "NSA/CISA: pod security"])
                == ["CIS v1.10 5.2.2", "PSS baseline: privileged", "NSA/CISA: pod security"])
        for reference in Self.catalogReferences where !reference.contains("(") {
            #expect(CISBenchmark.standard.number(["CIS \(reference)"]) == ["CIS v1.10 \(reference)"])
        }
    }

    @Test(arguments: [
        (CISBenchmark.v1_11, "5.7.3", "CIS v1.11 5.6.3"), (.v1_11, "5.2.13", "CIS v1.11 5.2.13"),
        (.v1_12, "5.2.13", "CIS v1.12 5.2.12"), (.v1_12, "5.2.10", "CIS v1.12 5.2.9"), (.v1_12, "5.7.2", "CIS v1.12 5.6.2"),
        (.v2_0, "5.2.11", "CIS v2.0 5.2.10"), (.v2_0, "1.2.29", "CIS v2.0 1.2.29"), (.v1_12, "1.2 (version-specific flags)", "CIS v1.12 1.2"),
    ])
    func laterVersionsRenumber(benchmark: CISBenchmark, reference: String, expected: String) {
        #expect(benchmark.number(["CIS \(reference)"]) == [expected])
    }

    /// v1.12 dropped "added capabilities"; the benchmarks offered have no control for flags removed long ago.
    @Test(arguments: [(CISBenchmark.v1_12, "5.2.9"), (.v2_0, "5.2.9"), (.v1_10, "1.2.19 (benchmark v1.5)"), (.v1_11, "4.2.6 (benchmark v1.8)")])
    func aControlAVersionDoesNotHaveIsLeftOut(benchmark: CISBenchmark, reference: String) {
        #expect(benchmark.number(["CIS \(reference)", "PSS baseline: capabilities"]) == ["PSS baseline: capabilities"])
    }

    @Test func aCustomRulesOwnReferenceStaysAsWritten() {
        #expect(CISBenchmark.v1_12.number(["CIS 9.9.9", "internal: K-12"]) == ["CIS 9.9.9", "internal: K-12"])
    }

    @Test func theAuditNumbersFindingsByTheChosenBenchmark() {
        let pod = """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: a
              labels: {pod-security.kubernetes.io/enforce: baseline}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: p, namespace: a}
            spec:
              containers:
              - {name: c, image: registry.example.com/app@sha256:0000000000000000000000000000000000000000000000000000000000000000, ports: [{containerPort: 80, hostPort: 80}]}
            """
        var settings = RuleSettings()
        settings.benchmark = .v1_12
        let hostPorts = findings(pod, rules: [PodSecurityCheckRule.hostPorts], settings: settings)
        #expect(hostPorts.map(\.standards) == [["PSS baseline: hostPorts", "CIS v1.12 5.2.12", "NSA/CISA: pod security"]])
        let standard = findings(pod, rules: [PodSecurityCheckRule.hostPorts])
        #expect(standard.map(\.standards) == [["PSS baseline: hostPorts", "CIS v1.10 5.2.13", "NSA/CISA: pod security"]])
    }

    @Test func ruleMetadataIsNumberedForSARIFAndExplain() throws {
        let rule = try #require(Catalog.rule(id: "containers.read-only-root-filesystem")).metadata
        #expect(rule.numbered(by: .v1_11).standards.contains("CIS v1.11 5.6.3"))
        #expect(!rule.numbered(by: .v1_11).standards.contains("CIS 5.7.3"))
    }
}
