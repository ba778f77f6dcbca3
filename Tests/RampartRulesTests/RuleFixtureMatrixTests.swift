import Foundation
import RampartLoading
import RampartModel
import RampartRules
import RampartTenancy
import Testing
import TestSupport

/// Every rule proven to fire, the way pod-security-admission proves its checks: a hardened base
/// that the rules find nothing in, and per rule fixtures that differ from a base by one change and
/// make exactly that rule fire, at the expected line. Fixtures are data (`Tests/Fixtures`, see its
/// README); this one parameterised test drives them all.
@Suite struct RuleFixtureMatrixTests {
    @Test("a hardened base passes every rule it is audited with", arguments: FixtureBase.all)
    func baseIsClean(_ base: FixtureBase) throws {
        let findings = base.audit(try base.text())
        #expect(findings.map { "\($0.ruleId) at line \($0.location.line): \($0.message)" } == [])
    }

    @Test("one change to a base makes exactly its rule fire, at the expected line", arguments: RuleFixture.all)
    func fixtureFiresExactlyItsRule(_ fixture: RuleFixture) throws {
        let base = try #require(FixtureBase.named(fixture.base), "\(fixture.file): no base '\(fixture.base)'")
        var text = try base.text()
        for change in fixture.changes {
            #expect(text.contains(change.replace), "\(fixture.file): the base no longer holds \(change.replace)")
            text = text.replacingOccurrences(of: change.replace, with: change.with)
        }
        let findings = base.audit(text)
        let fired = Set(findings.map(\.ruleId))
        #expect(fired == Set([fixture.rule] + fixture.alsoFires), "\(fixture.file)")
        let own = findings.filter { $0.ruleId == fixture.rule }
        if let count = fixture.count { #expect(own.count == count, "\(fixture.file)") }
        if let fragment = fixture.line {
            let expected = try #require(Self.line(of: fragment, in: text), "\(fixture.file): '\(fragment)' is not in the changed base")
            #expect(own.allSatisfy { $0.location.line == expected },
                    "\(fixture.file): \(fixture.rule) points at lines \(own.map(\.location.line)), not \(expected)")
        }
    }

    @Test func everyRuleOfTheCatalogHasAFailingFixture() {
        let covered = Set(RuleFixture.all.map(\.rule))
        let missing = Catalog.rules.map(\.metadata.id).filter { !covered.contains($0) }
        #expect(missing == [], "rules without a fixture in Tests/Fixtures")
    }

    @Test func everyFixtureNamesARuleOfTheCatalog() {
        let known = Set(Catalog.rules.map(\.metadata.id))
        #expect(RuleFixture.all.filter { !known.contains($0.rule) }.map(\.file) == [])
    }

    /// The 1-based number of the line of `text` where `fragment` starts.
    static func line(of fragment: String, in text: String) -> Int? {
        guard let range = text.range(of: fragment) else { return nil }
        return text[..<range.lowerBound].filter { $0 == "\n" }.count + 1
    }
}

/// A hardened base: a manifest file under `Tests/Fixtures/bases` and the rules it is audited with.
struct FixtureBase: CustomTestStringConvertible, Sendable {
    let name: String
    /// The manifest file under `bases/` (the base's name unless two bases share one).
    var file: String
    /// A tenancy file under `bases/` that declares the tenants, else they are inferred from labels.
    var tenancy: String?
    /// The whole catalog, or one family's rules where a base cannot be real and pass the others.
    let rules: @Sendable () -> [any Rule]

    init(name: String, file: String? = nil, tenancy: String? = nil, rules: @escaping @Sendable () -> [any Rule]) {
        self.name = name
        self.file = file ?? name
        self.tenancy = tenancy
        self.rules = rules
    }

    static let directory = Fixtures.repositoryRoot.appendingPathComponent("Tests/Fixtures")
    /// The registries the fixtures' images may come from (`images.untrusted-registry` is on).
    static let settings = RuleSettings(allowedRegistries: ["registry.example.com"])

    static let all: [FixtureBase] = [
        // A trusted tenant with one hardened workload, as a cluster dump holds it.
        FixtureBase(name: "tenant") { Catalog.rules },
        // Two tenants on one cluster: trusted team-a and untrusted acme on its own tainted, gVisor-sandboxed pool.
        FixtureBase(name: "multitenant") { Catalog.rules },
        // The same cluster, its tenants declared by a tenancy file: acme requires mesh mutual TLS.
        FixtureBase(name: "meshed", file: "multitenant", tenancy: "meshed.tenancy.yaml") { Catalog.rules },
        // kubeadm's control-plane files hardened as the CIS benchmark asks: static pods run on the
        // host network and from the upstream registry by design, so only their own family judges them.
        FixtureBase(name: "controlplane") { ControlPlaneRules.all },
    ]

    static func named(_ name: String) -> FixtureBase? { all.first { $0.name == name } }

    var testDescription: String { name }

    func text() throws -> String {
        try String(contentsOf: Self.directory.appendingPathComponent("bases/\(file).yaml"), encoding: .utf8)
    }

    func audit(_ text: String) -> [Finding] {
        let inventory = Inventory(objects: ManifestLoader.load(Array(text.utf8), file: "bases/\(file).yaml").objects)
        let context = AuditContext(inventory: inventory, settings: Self.settings)
        if let model = tenancyModel() { context.useTenancy(model) }
        return Auditor.audit(context, rules: rules())
    }

    /// The tenants of the base's tenancy file; a file that does not parse cleanly fails the test.
    private func tenancyModel() -> TenancyModel? {
        guard let tenancy else { return nil }
        let url = Self.directory.appendingPathComponent("bases/\(tenancy)")
        let bytes = (try? Data(contentsOf: url)).map { Array($0) } ?? []
        let root = ManifestLoader.load(bytes, file: tenancy).objects.first { $0.kind == TenancyFile.kind }?.root
        let parsed = root.map { TenancyFile.parse($0, file: tenancy) }
        #expect(parsed?.1.isEmpty == true, "\(tenancy): \(parsed?.1.map(\.message) ?? ["no Tenancy document"])")
        return parsed?.0
    }
}

/// One failing fixture, read from `Tests/Fixtures/<rule-id>/<case>.yaml`.
struct RuleFixture: CustomTestStringConvertible, Sendable {
    struct Change: Sendable {
        let replace: String
        let with: String
    }

    let file: String
    let rule: String
    let base: String
    let changes: [Change]
    /// A fragment of the changed base: every finding of the rule points at the line it starts on.
    let line: String?
    /// How many findings of the rule, when the fixture says.
    let count: Int?
    /// Other rules the one change necessarily makes fire too (rare; each says why in its file).
    let alsoFires: [String]

    var testDescription: String { file }

    static let all: [RuleFixture] = {
        let directory = FixtureBase.directory
        let ruleDirectories = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return ruleDirectories.sorted().filter { $0 != "bases" && !$0.hasSuffix(".md") }.flatMap { rule in
            Fixtures.files(under: directory.appendingPathComponent(rule)).map { url in
                RuleFixture(rule: rule, file: "\(rule)/\(url.lastPathComponent)", url: url)
            }
        }
    }()

    private init(rule: String, file: String, url: URL) {
        self.rule = rule
        self.file = file
        let bytes = (try? Data(contentsOf: url)).map { Array($0) } ?? []
        let root = ManifestLoader.documents(bytes, file: file).documents.first
        base = root?["base"]?.string ?? ""
        changes = (root?["changes"]?.items ?? []).map {
            Change(replace: $0["replace"]?.string ?? "", with: $0["with"]?.string ?? "")
        }
        line = root?["line"]?.string
        count = root?["count"]?.int
        alsoFires = (root?["alsoFires"]?.items ?? []).compactMap(\.string)
    }
}
