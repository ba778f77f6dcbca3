import Foundation
import RampartModel
import RampartRBAC
import Testing
import TestSupport

/// Runs every case of `../shared/conformance/rbac` through the engine (the CLI is checked by the
/// shared conformance driver). Skips when the shared directory is absent.
@Suite struct ConformanceTests {
    static let cases: [ConformanceCase] = {
        guard let shared = Fixtures.sharedDirectory else { return [] }
        return Fixtures.files(under: shared.appendingPathComponent("conformance/rbac"), extensions: ["yaml"])
            .filter { !$0.path.contains("upstream-rbac-tool") }
            .compactMap { url in
                (try? String(contentsOf: url, encoding: .utf8)).flatMap { ConformanceCase(text: $0, file: url.lastPathComponent) }
            }
    }()

    @Test(.enabled(if: Fixtures.sharedDirectory != nil), arguments: cases.map(\.id))
    func conformanceCase(id: String) throws {
        let testCase = try #require(Self.cases.first { $0.id == id })
        let policy = RBACPolicy(inventory: Inventory(objects: testCase.objects))
        #expect(!testCase.checks.isEmpty)
        for (label, check) in testCase.checks {
            switch check {
            case .canI(let user, let request, let allowed):
                #expect(policy.authorize(user, request).allowed == allowed, "\(label): \(request.description)")
            case .whoCan(let request, let subjects):
                #expect(Set(policy.subjects(allowedTo: request).subjects) == subjects, "\(label): \(request.description)")
            case .rules(let user, let namespace, let rules):
                let got = Set(policy.rules(for: user, namespace: namespace).rules.map(ConformanceCase.normalised))
                #expect(got == rules, "\(label)")
            }
        }
    }

    @Test(.enabled(if: Fixtures.sharedDirectory != nil)) func everyVisibleCaseIsRead() {
        #expect(Self.cases.count >= 16)
    }
}
