import RampartLoading
import RampartModel
import Testing

/// Strings that repeat in one input share one storage in the value tree (memory: three in four of
/// a cluster dump's long strings repeat), and sharing never mixes up strings that differ.
@Suite struct SharedStringsTests {
    static let yaml = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings-of-the-first-application, namespace: customer-acme-13-production}
        data: {terminationMessagePolicy: "customer-acme-13-productioN", short: abc}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings-of-the-second-application, namespace: customer-acme-13-production}
        data: {terminationMessagePolicy: 'customer-acme-13-production', short: abc}
        """

    /// Where the string's bytes live (nil for strings stored inline).
    static func storage(_ string: String) -> UnsafeRawPointer? {
        string.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
    }

    @Test func repeatedLongStringsShareTheirStorage() throws {
        let objects = ManifestLoader.load(Array(Self.yaml.utf8), file: "shared.yaml").objects
        #expect(objects.count == 2)
        let first = try #require(objects.first?.namespace), second = try #require(objects.last?.namespace)
        #expect(first == "customer-acme-13-production" && second == first)
        #expect(Self.storage(first) != nil && Self.storage(first) == Self.storage(second))
        // A key and a value of the same text share too, whatever the quoting.
        let data = try #require(objects.last?.root["data"])
        let value = try #require(data["terminationMessagePolicy"]?.string)
        #expect(value == first && Self.storage(value) == Self.storage(first))
    }

    @Test func stringsThatDifferStayApart() throws {
        let objects = ManifestLoader.load(Array(Self.yaml.utf8), file: "shared.yaml").objects
        let names = objects.map(\.name)
        #expect(names == ["settings-of-the-first-application", "settings-of-the-second-application"])
        let differing = try #require(objects.first?.root["data"]?["terminationMessagePolicy"]?.string)
        #expect(differing == "customer-acme-13-productioN")
        #expect(Self.storage(differing) != Self.storage(objects[0].namespace ?? ""))
        #expect(objects.allSatisfy { $0.root["data"]?["short"]?.string == "abc" })
    }
}
