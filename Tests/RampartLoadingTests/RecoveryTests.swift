import RampartLoading
import Testing

/// Nothing is lost after a broken document: parsing resumes at the next document start, also when
/// the error is reported on that document's own `---` line, and every error is reported however many.
@Suite struct RecoveryTests {
    static let hiddenPod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: hidden, namespace: n}
        spec: {containers: [{name: c, image: nginx, securityContext: {privileged: true}}]}

        """

    @Test("a document after a broken one is loaded when the error lands on its ---", arguments: ["a: \"x\n", "a: [x\n"])
    func documentAfterAnErrorOnItsMarker(broken: String) {
        let result = ManifestLoader.load(Array((broken + "---\n" + Self.hiddenPod).utf8), file: "-")
        #expect(result.objects.map(\.name) == ["hidden"])
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.line == 2)
    }

    @Test func aBrokenFirstDocumentStartingWithItsMarkerIsSkippedOnce() {
        let result = ManifestLoader.load(Array(("---\na: [x\n---\n" + Self.hiddenPod).utf8), file: "-")
        #expect(result.objects.map(\.name) == ["hidden"])
        #expect(result.errors.count == 1)
    }

    @Test("every one of many documents with tabs is reported, each at its own line")
    func manyTabErrorsAreEachReported() {
        let count = 2_000
        let text = String(repeating: "---\na:\t1\n", count: count)
        let result = ManifestLoader.load(Array(text.utf8), file: "tabs.yaml")
        #expect(result.errors.count == count)
        #expect(result.errors.map(\.line) == (0..<count).map { 2 * $0 + 2 })
    }
}
