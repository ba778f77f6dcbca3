import RampartLoading
import RampartModel
import RampartTenancy
import Testing

/// Issue 14: `rampart tenant new` builds its manifests as trees written by `YAMLWriter`, so values
/// from users read back as the same strings. The command line takes DNS labels for the tenant's
/// and namespaces' names (some of which YAML 1.1 reads as booleans, null or numbers) and anything
/// for node-pool labels and quota values; `TenantBaseline` itself validates nothing, so it is fed
/// hostile names too.
@Suite struct BaselineHostileValueTests {
    /// DNS labels, so valid tenant names, that a YAML 1.1 reader takes for something else.
    static let typedLabels = ["yes", "no", "on", "off", "y", "n", "true", "false", "null", "1e3", "0x1f", "0o17", "017", "123",
                              "1-2", "nan", "inf"]

    /// Values no template survives.
    static let hostile = [
        "line one\nline two", "a\n---\napiVersion: v1\nkind: Secret", "a: b", "a #b", "#x", "-x", "- x", "*x", "&x", "!x", "%x",
        "@x", "`x", "|", ">", "?", "[x]", "{x: y}", "\"q\"", "'q'", "back\\slash", "yes", "NO", "On", "~", "null", "1e3", "0x1F",
        ".inf", "12:30", " lead", "trail ", "日本語 🚀", "bell\u{07}", "x\u{2028}y", "x\r\ny", "tab\tx", "<<",
    ]

    @Test("tenant names the command line accepts stay strings", arguments: typedLabels)
    func typedLookingNames(name: String) throws {
        try Self.check(TenantBaseline(name: name, trust: .untrusted, nodePool: ["pool": name], quota: ["cpu": name]))
        try Self.check(TenantBaseline(name: name, trust: .trusted, namespaces: [name, name + "-2"]))
    }

    @Test("hostile names, namespaces, node-pool labels, quota values and runtime classes read back as given", arguments: hostile)
    func hostileValues(value: String) throws {
        try Self.check(TenantBaseline(name: value, trust: .untrusted, namespaces: [value, "plain"],
                                      nodePool: [value: value, "pool": value, "empty": ""], quota: ["cpu": value, value: value, "pods": ""],
                                      runtimeClass: value))
        try Self.check(TenantBaseline(name: "plain", trust: .trusted, nodePool: ["pool": value]))
    }

    /// Loads the baseline and checks every value it was given, where the generator puts it.
    private static func check(_ baseline: TenantBaseline, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let loaded = ManifestLoader.load(Array(baseline.yaml.utf8), file: "baseline.yaml")
        #expect(loaded.errors.map(\.description) == [], sourceLocation: sourceLocation)
        let perNamespace = 10
        try #require(loaded.objects.count == baseline.namespaces.count * perNamespace + 1,
                     "\(loaded.objects.map(\.kind))", sourceLocation: sourceLocation)
        let poolText = baseline.nodePool.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        for (index, namespace) in baseline.namespaces.enumerated() {
            let objects = loaded.objects[(index * perNamespace)..<((index + 1) * perNamespace)]
            let namespaceObject = try #require(objects.first, sourceLocation: sourceLocation)
            let metadata = namespaceObject.root["metadata"]
            expectString(metadata?["name"], namespace, sourceLocation)
            expectString(metadata?["labels"]?["kubernetes.io/metadata.name"], namespace, sourceLocation)
            expectString(metadata?["labels"]?["rampart.dev/tenant"], baseline.name, sourceLocation)
            if !baseline.nodePool.isEmpty {
                expectString(metadata?["annotations"]?["scheduler.alpha.kubernetes.io/node-selector"], poolText, sourceLocation)
                expectString(metadata?["annotations"]?["rampart.dev/node-pool"], poolText, sourceLocation)
            }
            for object in objects.dropFirst() {
                expectString(object.root["metadata"]?["namespace"], namespace, sourceLocation)
            }
            let quota = try #require(objects.first { $0.kind == "ResourceQuota" }, sourceLocation: sourceLocation)
            expectString(quota.root["metadata"]?["name"], baseline.name + "-quota", sourceLocation)
            let hard = quota.root["spec"]?["hard"]
            #expect(hard?.entries.map(\.key) == baseline.quotaHard.map(\.key), sourceLocation: sourceLocation)
            for entry in baseline.quotaHard { expectString(hard?[entry.key], entry.value, sourceLocation) }
            let names = objects.map { $0.root["metadata"]?["name"]?.string ?? "?" }
            #expect(names.contains(baseline.name + "-defaults") && names.contains(baseline.name + "-workload"), sourceLocation: sourceLocation)
            let binding = try #require(objects.first { $0.kind == "RoleBinding" }, sourceLocation: sourceLocation)
            expectString(binding.root["subjects"]?[0]?["name"], baseline.name + ":admins", sourceLocation)
        }
        let flowSchema = try #require(loaded.objects.last, sourceLocation: sourceLocation)
        #expect(flowSchema.kind == "FlowSchema", sourceLocation: sourceLocation)
        expectString(flowSchema.root["metadata"]?["name"], "tenant-" + baseline.name, sourceLocation)
        let subjects = flowSchema.root["spec"]?["rules"]?[0]?["subjects"]?.items ?? []
        #expect(subjects.count == baseline.namespaces.count, sourceLocation: sourceLocation)
        for (subject, namespace) in zip(subjects, baseline.namespaces) {
            expectString(subject["group"]?["name"], "system:serviceaccounts:" + namespace, sourceLocation)
        }
    }

    /// `node` is a scalar that reads back as the string `value`, not as null, a boolean or a number.
    private static func expectString(_ node: Node?, _ value: String, _ sourceLocation: Testing.SourceLocation) {
        guard let node, case .scalar(let scalar) = node.content else {
            Issue.record("no scalar for \(value.debugDescription)", sourceLocation: sourceLocation)
            return
        }
        #expect(scalar.text == value, sourceLocation: sourceLocation)
        if scalar.isPlain {
            let number = /[-+]?(\.[0-9]|[0-9]).*|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)/
            #expect(!node.isNull && node.bool == nil && node.int == nil && scalar.text.wholeMatch(of: number) == nil,
                    "plain \(scalar.text.debugDescription) is not a string", sourceLocation: sourceLocation)
        }
    }
}
