import RampartLoading
import Testing
import RampartModel

/// The snapshot's YAML reads back to the same values: YAML 1.1 traps quoted, numbers kept plain.
@Suite struct YAMLWriterTests {
    static let tricky = #"""
        {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"traps","namespace":"default",
         "labels":{"on":"on","NO":"NO","y":"y","empty":"","version":"1.5","octal":"0755","neg":"-3","hash":"a #b",
         "colon":"a: b","url":"http://x:80/a","lead":"-x","star":"*ref","merge":"<<","null":"null","tilde":"~"}},
         "data":{"multi":"line one\nline two\t\"q\"","unicode":"héllo ✓","bell":"\u0007","trailing ":"space "},
         "numbers":{"int":42,"negative":-7,"float":1.5e3,"yes":true,"nothing":null},
         "nested":[[1,[]],{},[{"a":{"b":[{"c":"d"}]}}]]}
        """#

    @Test func roundTripKeepsEveryValueAndType() throws {
        let original = try #require(ManifestLoader.load(Array(Self.tricky.utf8), file: "in.json").objects.first)
        let text = YAMLWriter.stream([original.root], header: ["a header"])
        #expect(text.hasPrefix("# a header\n---\n"))
        let loaded = ManifestLoader.load(Array(text.utf8), file: "out.yaml")
        #expect(loaded.errors.isEmpty)
        let copy = try #require(loaded.objects.first)
        #expect(Self.flatten(copy.root) == Self.flatten(original.root))
        #expect(copy.labels == original.labels)
        #expect(copy.root["numbers"]?["yes"]?.bool == true)
        #expect(copy.root["numbers"]?["negative"]?.int == -7)
        #expect(copy.root["numbers"]?["nothing"]?.isNull == true)
        #expect(copy.root["metadata"]?["labels"]?["on"]?.bool == nil)
    }

    /// The markers `rampart snapshot` writes for withheld credentials (RampartRules'
    /// `CredentialRedaction`) read back as the same strings.
    @Test(arguments: ["rampart-withheld-credential", "RAMPART-withheld-key-material-0123456789",
                      "-----BEGIN RAMPART WITHHELD PRIVATE KEY-----", "AKIArampart-withheld-credential",
                      "ghp_rampart-withheld-credential", "xoxb-rampart-withheld-credential"])
    func withheldCredentialMarkersReadBack(marker: String) throws {
        let data = Node(.mapping([MappingEntry(key: "DB_PASSWORD", keyMark: SourceMark(line: 0, column: 0),
                                               value: Node(.scalar(Scalar(marker, isPlain: false)), mark: SourceMark(line: 0, column: 0)))]),
                        mark: SourceMark(line: 0, column: 0))
        let text = YAMLWriter.document(data)
        let copy = try #require(ManifestLoader.documents(Array(text.utf8), file: "out.yaml").documents.first)
        #expect(copy["DB_PASSWORD"]?.string == marker)
        #expect(copy["DB_PASSWORD"]?.bool == nil && copy["DB_PASSWORD"]?.int == nil)
    }

    /// Every scalar with its path, its type (a string, or a plain null, boolean or number) and its text.
    private static func flatten(_ node: Node, path: String = "") -> [String] {
        switch node.content {
        case .scalar(let scalar):
            let typed = scalar.isPlain && (node.isNull || node.bool != nil || node.int != nil || Double(scalar.text) != nil)
            return ["\(path)=\(typed ? "typed" : "string"):\(scalar.text)"]
        case .sequence(let items):
            return items.isEmpty ? ["\(path)=[]"] : items.enumerated().flatMap { flatten($1, path: "\(path)[\($0)]") }
        case .mapping(let entries):
            return entries.isEmpty ? ["\(path)={}"] : entries.flatMap { flatten($0.value, path: "\(path).\($0.key)") }
        }
    }
}
