import RampartLoading
import RampartModel
import Testing

/// Issue 14: whatever a value from a user holds, the one writer of generated manifests writes it so
/// that the project's loader reads back the same string: not a boolean, null or number, not cut at
/// a line break, `: ` or ` #`, not an alias, tag or directive, and no text escapes its comment.
@Suite struct YAMLWriterHostileValueTests {
    /// Values that break naive templates (each also used as a key).
    static let hostile: [String] = [
        // Line breaks, document markers, comments.
        "line one\nline two", "ends with a newline\n", "\nstarts with a newline", "two trailing\n\n", "\n", "\n\n",
        "a\n---\nkind: Secret", "---", "...", "--- x", "# comment", "a #b", "a# b", "value # comment", " #", "#",
        "indented\n  more\nless", "space at line end \nnext", "last line ends in a space\n ", "  \n  ",
        "crlf\r\nline", "cr\ronly", "nel\u{85}x", "line\u{2028}separator", "para\u{2029}graph", "tab\there", "\t",
        // Mapping values, indicators first.
        "a: b", "key:", ":", ": x", "a:b", "http://x:80/a", "- item", "-", "-x", "--x", "*alias", "&anchor", "!tag", "!!str",
        "%YAML 1.1", "@at", "`tick", "|", "|-", ">", ">-", "?", "? key", ",", "[a, b]", "{a: b}", "]", "}", "<<", "=", "~x",
        // Quotes and backslashes.
        "\"double\"", "'single'", "it's", "say \"hi\"", "back\\slash", "\\n", "\\", "\"", "'", "'\"mixed\\'",
        // YAML 1.1 scalars that are not strings.
        "yes", "no", "on", "off", "Yes", "NO", "On", "OFF", "y", "n", "Y", "N", "true", "False", "TRUE",
        "~", "null", "Null", "NULL", "1e3", "1E3", "0x1F", "0o17", "017", "0b101", "1_000", "12:30", "190:20:30", "-1", "+1",
        "1.5", "-.5", ".5", ".inf", "-.Inf", "+.INF", ".nan", ".NaN", "2024-01-01", "2001-12-14t21:59:43.10-05:00", "0", "-0",
        "nan", "inf", "infinity", "None",
        // Spaces.
        " leading", "trailing ", " both ", " ", "  ", "in  between", "",
        // Unicode and characters a reader rejects unescaped.
        "café", "日本語", "emoji 🚀", "rtl \u{202E}override", "zero\u{200B}width", "bom\u{FEFF}", "bell\u{07}", "nul\u{00}",
        "del\u{7F}", "c1\u{9F}", "nbsp\u{A0}", "nonchar\u{FFFE}\u{FFFF}", "astral \u{1F600}\u{10FFFF}",
        // Long.
        String(repeating: "k", count: 1500), String(repeating: "a: b\n", count: 300),
    ]

    @Test func theHostileListHasNoDuplicates() {
        #expect(Set(Self.hostile).count == Self.hostile.count)
    }

    /// Each value as an object's name, a label, an annotation, a data key and value and a list
    /// item, in documents with the values as header, document and footer comments.
    @Test func everyValueAndKeyReadsBackAsTheSameString() throws {
        let documents = Self.hostile.enumerated().map { index, value in
            YAMLWriter.Document(Self.configMap(name: value, index: index), comments: [value, "document \(index)"])
        }
        let text = YAMLWriter.stream(documents, header: Self.hostile, footer: Self.hostile)
        let loaded = ManifestLoader.load(Array(text.utf8), file: "hostile.yaml")
        #expect(loaded.errors.map(\.description) == [])
        try #require(loaded.objects.count == Self.hostile.count)
        for (index, value) in Self.hostile.enumerated() {
            let root = loaded.objects[index].root
            Self.expectString(root["metadata"]?["name"], value)
            Self.expectString(root["metadata"]?["labels"]?["example.com/label"], value)
            Self.expectString(root["metadata"]?["annotations"]?[value], value)
            Self.expectString(root["data"]?[value], "value \(index)")
            Self.expectString(root["data"]?["key \(index)"], value)
            Self.expectString(root["items"]?[1], value)
            Self.expectString(root["nested"]?[0]?[0]?[value]?[0], value)
            #expect(root["number"]?.int == index && root["flag"]?.bool == true && root["nothing"]?.isNull == true)
        }
    }

    /// The same for strings drawn from the troublemakers above, characters at a time.
    @Test func randomStringsReadBack() throws {
        let alphabet = Array("ab: #-*&!%@'\"\\\n\r\t ,[]{}|>?~.01xyé🚀\u{85}\u{2028}\u{FEFF}\u{07}".unicodeScalars)
        var state: UInt64 = 14
        func next(_ bound: Int) -> Int {
            // SplitMix64: a fixed sequence, the same on every run.
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
        let values = (0..<2000).map { _ in
            var value = String.UnicodeScalarView()
            for _ in 0..<next(12) { value.append(alphabet[next(alphabet.count)]) }
            return String(value)
        }
        let root = Node.mapping([(key: "values", value: .strings(values)),
                                 (key: "keys", value: .strings(values.enumerated().map { (key: $1, value: "\($0)") }))])
        let text = YAMLWriter.stream([YAMLWriter.Document(root, comments: values)])
        let read = ManifestLoader.documents(Array(text.utf8), file: "random.yaml")
        #expect(read.errors.map(\.description) == [])
        let copy = try #require(read.documents.first)
        for (index, value) in values.enumerated() {
            Self.expectString(copy["values"]?[index], value)
        }
        // Duplicate keys keep the last entry; every key reads back as written, in order.
        #expect(copy["keys"]?.entries.map(\.key) == values)
    }

    @Test func commentsStayComments() {
        let text = YAMLWriter.comments(["", "plain", "two\nlines", "crlf\r\nbreak", "bell\u{07}", "tab\tkept"])
        #expect(text == "#\n# plain\n# two\n# lines\n# crlf\n# break\n# bell\\u0007\n# tab\tkept\n")
    }

    /// Long keys are explicit (`? `): a simple key may not run past 1024 characters.
    @Test func longKeysAreExplicit() throws {
        let key = String(repeating: "x", count: 2000)
        let node = Node.mapping([(key: key, value: .strings(["a"])), (key: "next", value: .string("b"))])
        let text = YAMLWriter.document(.sequence([node, node]))
        #expect(text.contains("? " + key))
        let copy = try #require(ManifestLoader.documents(Array(text.utf8), file: "long.yaml").documents.first)
        Self.expectString(copy[1]?[key]?[0], "a")
        Self.expectString(copy[1]?["next"], "b")
    }

    /// Multi-line values that read back exactly are literal blocks; the others are quoted.
    @Test func multiLineValuesAreLiteralBlocksWhenThatIsExact() {
        #expect(YAMLWriter.document(.mapping(["a": .string("x\ny\n")])) == "a: |\n  x\n  y\n")
        #expect(YAMLWriter.document(.mapping(["a": .string("x\n\n  y")])) == "a: |-\n  x\n\n    y\n")
        #expect(YAMLWriter.document(.sequence([.string("x\ny")])) == "- |-\n  x\n  y\n")
        #expect(YAMLWriter.document(.mapping(["a": .string(" x\ny")])) == "a: \" x\\ny\"\n")
        #expect(YAMLWriter.document(.mapping(["a": .string("x\n\n")])) == "a: \"x\\n\\n\"\n")
    }

    @Test func plainValuesStayPlainAndStringsThatLookTypedAreQuoted() {
        let node = Node.mapping([
            "int": .int(-7), "bool": .bool(false), "null": Node(.scalar(Scalar("", isPlain: true)), mark: SourceMark(line: 0, column: 0)),
            "word": .string("restricted"), "path": .string("/etc/rampart"), "image": .string("ghcr.io/o/r:1@sha256:ab"),
            "on": .string("on"), "number": .string("2"), "quantity": .string("500m"),
        ])
        #expect(YAMLWriter.document(node) == """
            int: -7
            bool: false
            "null": null
            word: restricted
            path: /etc/rampart
            image: ghcr.io/o/r:1@sha256:ab
            "on": "on"
            number: "2"
            quantity: "500m"

            """)
    }

    // MARK: Helpers

    private static func configMap(name: String, index: Int) -> Node {
        .mapping([
            "apiVersion": .string("v1"),
            "kind": .string("ConfigMap"),
            "metadata": .mapping([
                "name": .string(name),
                "labels": .strings([(key: "example.com/label", value: name)]),
                "annotations": .strings([(key: name, value: name)]),
            ]),
            "data": .strings([(key: name, value: "value \(index)"), (key: "key \(index)", value: name)]),
            "items": .strings(["before", name, "after"]),
            "nested": .sequence([.sequence([.mapping([(key: name, value: .strings([name]))])])]),
            "number": .int(index),
            "flag": .bool(true),
            "nothing": Node(.scalar(Scalar("null", isPlain: true)), mark: SourceMark(line: 0, column: 0)),
        ])
    }

    /// `node` is a scalar that reads back as the string `value`: its text, and not null, a boolean
    /// or a number (YAML 1.1, as Kubernetes' decoder resolves plain scalars).
    private static func expectString(_ node: Node?, _ value: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        guard let node, case .scalar(let scalar) = node.content else {
            Issue.record("no scalar for \(value.debugDescription)", sourceLocation: sourceLocation)
            return
        }
        #expect(scalar.text == value, sourceLocation: sourceLocation)
        if scalar.isPlain {
            #expect(!node.isNull && node.bool == nil && node.int == nil && !looksTyped(scalar.text),
                    "plain \(scalar.text.debugDescription) is not a string", sourceLocation: sourceLocation)
        }
    }

    /// Plain text a YAML 1.1 or 1.2 reader resolves to something other than a string: numbers in
    /// any notation (signed, `.5`, `1e3`, sexagesimal, `.inf`, `.nan`), timestamps, merge and value keys.
    private static func looksTyped(_ text: String) -> Bool {
        let number = /[-+]?(\.[0-9]|[0-9]).*|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)/
        return text.wholeMatch(of: number) != nil || text == "<<" || text == "="
    }
}
