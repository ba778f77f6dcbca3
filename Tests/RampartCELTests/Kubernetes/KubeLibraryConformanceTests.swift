import Foundation
import Testing
@testable import RampartCEL

/// The Kubernetes library cases of the shared conformance data, evaluated on the value types (skipped
/// when `../shared` is absent).
@Suite struct KubeLibraryConformanceTests {
    @Test(.enabled(if: KubeLibraryCase.file != nil, "../shared/conformance/cel/k8s-library.json is absent"))
    func theCaseFileIsReadInFull() {
        let counts = Dictionary(grouping: KubeLibraryCase.all, by: \.section).mapValues(\.count)
        #expect(counts["ip"] == 29)
        #expect(counts["cidr"] == 24)
        #expect(counts["quantity"] == 25)
        #expect(counts["semver"] == 25)
        #expect(counts["format"] == 43)
        #expect(counts["crd_validation_rules"] == 53)
        #expect(!KubeLibraryCase.all.contains { $0.expression == "<unreadable case>" })
    }

    @Test(arguments: KubeLibraryCase.all)
    func libraryCase(_ libraryCase: KubeLibraryCase) throws {
        let result: Result<KubeLibraryValue, Error> = Result {
            try KubeLibraryExpression.evaluate(libraryCase.expression, variables: libraryCase.variables)
        }
        switch (libraryCase.outcome, result) {
        case (.value(let expected), .success(let value)):
            #expect(value == expected)
        case (.compileError, .failure(KubeLibraryExpression.Failure.compile)):
            break
        case (.errorMessage(let expected), .failure(KubeLibraryExpression.Failure.runtime(let message))):
            #expect(message == expected)
        case (.errorPattern(let pattern), .failure(KubeLibraryExpression.Failure.runtime(let message))):
            #expect(message.range(of: pattern, options: .regularExpression) != nil, "\(message) !~ \(pattern)")
        case (.errorContains(let text), .failure(KubeLibraryExpression.Failure.runtime(let message))):
            #expect(message.contains(text), "\(message) lacks \(text)")
        default:
            Issue.record("expected \(libraryCase.outcome), got \(result)")
        }
    }
}
