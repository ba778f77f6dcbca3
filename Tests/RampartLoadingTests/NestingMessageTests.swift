import RampartLoading
import Testing

/// Too deep a document is reported in user terms, never with libyaml's internal API names, whichever
/// of the two limits (Rampart's event depth, or libyaml's own when it scans far ahead) trips first.
@Suite struct NestingMessageTests {
    @Test(arguments: [
        ("flow sequences", "a: " + String(repeating: "[", count: 3_000)),
        ("balanced flow sequences", String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000)),
        ("flow mappings", "a: " + String(repeating: "{a: ", count: 3_000)),
        ("block sequences", (0..<1_200).map { String(repeating: "  ", count: $0) + "-\n" }.joined()),
        ("block mappings", (0..<1_200).map { String(repeating: " ", count: $0) + "k:\n" }.joined()),
    ])
    func deepNestingNamesTheLimitInUserTerms(name: String, text: String) {
        let result = ManifestLoader.load(Array(text.utf8), file: "deep.yaml")
        #expect(result.errors.count == 1, "\(name)")
        for error in result.errors {
            #expect(error.message == "nesting deeper than 256 levels", "\(name)")
            #expect(!error.message.contains("yaml_"), "\(name)")
            #expect(error.line >= 1, "\(name)")
        }
    }
}
