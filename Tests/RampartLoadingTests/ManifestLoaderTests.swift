@testable import RampartLoading
import RampartModel
import Testing
import TestSupport

@Suite struct ManifestLoaderTests {
    private func load(_ text: String) -> LoadResult {
        ManifestLoader.load(Array(text.utf8), file: "in.yaml")
    }

    @Test func multiDocumentStreamsKeepLinesFromTheTopOfTheFile() {
        let result = load("""
            apiVersion: v1
            kind: Namespace
            metadata: {name: a}
            ---
            # comment
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: c
              namespace: a
            data:
              key: value
            """)
        #expect(result.errors.isEmpty)
        #expect(result.objects.map(\.reference.description) == ["Namespace/a", "ConfigMap/a/c"])
        #expect(result.objects[1].location.line == 6)
        #expect(result.objects[1].location(of: "data.key").line == 12)
        #expect(result.objects[1].location(of: "data.key").column == 3)  // the key's column
    }

    @Test func listsAndTypedListsAreExpanded() {
        let result = load("""
            apiVersion: v1
            kind: List
            items:
            - {apiVersion: v1, kind: Service, metadata: {name: s, namespace: n}}
            - {apiVersion: apps/v1, kind: Deployment, metadata: {name: d, namespace: n}}
            ---
            apiVersion: v1
            kind: PodList
            items:
            - metadata: {name: p, namespace: n}
              spec: {containers: [{name: c, image: nginx}]}
            """)
        #expect(result.objects.map(\.reference.description) == ["Service/n/s", "Deployment/n/d", "Pod/n/p"])
        #expect(result.objects[2].reference.apiVersion == "v1")
    }

    @Test func jsonLoadsWithMarks() {
        let result = ManifestLoader.load(Array("{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Pod\",\n  \"metadata\": {\"name\": \"p\"}\n}".utf8), file: "p.json")
        #expect(result.errors.isEmpty)
        #expect(result.objects.first?.location(of: "metadata.name").line == 4)
    }

    @Test func aBrokenDocumentIsReportedAndTheOthersStillLoad() {
        let result = load("""
            kind: ConfigMap
            metadata: {name: before}
            ---
            kind: ConfigMap
            metadata:
              name: broken
             bad: indentation: here
            ---
            kind: ConfigMap
            metadata: {name: after}
            """)
        #expect(result.objects.map(\.name) == ["before", "after"])
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.line == 7)
        #expect(result.errors.first?.file == "in.yaml")
    }

    @Test func customResourcesAreKept() {
        let result = load("apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: c, namespace: n}\nspec: {x: [1, 2]}\n")
        #expect(result.objects.first?.reference.group == "cert-manager.io")
    }

    @Test func mergeKeysGiveWayToExplicitKeys() {
        let object = load("""
            defaults: &d {image: a, pull: Always}
            kind: Pod
            spec:
              <<: *d
              image: b
            """).objects[0]
        #expect(object.root["spec"]?["image"]?.string == "b")
        #expect(object.root["spec"]?["pull"]?.string == "Always")
    }

    @Test(arguments: [
        ("billion laughs", Self.billionLaughs),
        ("deep nesting", String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000)),
        ("unknown alias", "kind: Pod\nspec: *nowhere\n"),
        ("complex key", "? [a, b]\n: c\n"),
        ("tab indentation", "kind: Pod\nspec:\n\tcontainers: []\n"),
    ])
    func hostileInputBecomesAnErrorNotACrash(name: String, text: String) {
        let result = load(text)
        #expect(!result.errors.isEmpty, "\(name) should be an input error")
        #expect(result.errors.allSatisfy { $0.line >= 1 && !$0.message.isEmpty })
    }

    @Test func invalidUTF8AndBinaryAreErrors() {
        let invalid = ManifestLoader.load(Array("kind: Pod\nname: ".utf8) + [0xC3, 0x28, 0xFF, 0x0A], file: "bad.yaml")
        #expect(invalid.errors.count == 1)
        let binary = ManifestLoader.load((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }, file: "bin.yaml")
        #expect(!binary.errors.isEmpty)
        #expect(binary.objects.isEmpty)
    }

    @Test func hugeScalarsLoad() {
        let big = String(repeating: "x", count: 5_000_000)
        let result = load("kind: ConfigMap\nmetadata: {name: big}\ndata:\n  blob: \(big)\n")
        #expect(result.errors.isEmpty)
        #expect(result.objects.first?.root["data"]?["blob"]?.string?.count == 5_000_000)
    }

    @Test func largeStreamsParsedInParallelKeepExactLines() {
        let padding = String(repeating: "x", count: 700)
        var text = ""
        for index in 0..<7_000 {
            text += "---\nkind: ConfigMap\nmetadata: {name: c\(index)}\ndata:\n  pad: \(padding)\n"
            if index == 5_000 { text += "---\nkind: ConfigMap\n  broken: [\n" }
        }
        let result = load(text)
        #expect(result.objects.count == 7_000)
        for (index, object) in result.objects.enumerated() {
            let expected = 2 + index * 5 + (index > 5_000 ? 3 : 0)
            #expect(object.location.line == expected, "object \(index)")
            if object.location.line != expected { break }
        }
        #expect(result.errors.map(\.line) == [25_008], "the same line as a sequential parse reports")
        #expect(ManifestLoader.documents(Array(text.utf8), file: "in.yaml").errors.map(\.line) == [25_008])
    }

    @Test func newlinesAreCountedExactlyInAnyRange() {
        // Eight bytes at a time: ranges that start and end anywhere, newlines in every byte of a word.
        var generator = SystemRandomNumberGenerator()
        // Newlines among bytes one bit away from them (0x0B, 0x8A), zero, 0xFF and text.
        let alphabet: [UInt8] = [0x0A, 0x0A, 0x0B, 0x8A, 0x00, 0xFF, 0x09, UInt8(ascii: "a")]
        let bytes = (0..<(64 * 255 * 2 + 101)).map { _ in alphabet.randomElement(using: &generator)! }
        let allNewlines = [UInt8](repeating: UInt8(ascii: "\n"), count: 64 * 300)
        for input in [bytes, allNewlines] {
            input.withUnsafeBufferPointer { buffer in
                for range in [0..<buffer.count, 1..<buffer.count - 3, 63..<64 * 255 + 5, 10..<20, 7..<7, 3..<11] {
                    #expect(ManifestLoader.newlines(in: buffer, range) == input[range].count { $0 == UInt8(ascii: "\n") }, "\(range)")
                }
            }
        }
    }

    static let billionLaughs: String = {
        var lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            lines.append("a\(level): &a\(level) [\(refs)]")
        }
        lines.append("kind: ConfigMap")
        return lines.joined(separator: "\n")
    }()
}
