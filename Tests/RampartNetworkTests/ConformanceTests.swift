import Foundation
import RampartModel
import Testing
import TestSupport
@testable import RampartNetwork

/// The shared conformance cases (skipped when ../shared is absent): the transcribed Kubernetes e2e
/// matrices and np-guard's golden connection lists, for NetworkPolicy alone (`netpol`) and beside the
/// admin-tier kinds (`netpol-admin`, whose network-policy-api cases share the e2e format).
@Suite struct ConformanceTests {
    static let conformance = Fixtures.sharedDirectory?.appendingPathComponent("conformance")

    static var e2eCases: [URL] {
        guard let conformance else { return [] }
        return Fixtures.files(under: conformance.appendingPathComponent("netpol/k8s-e2e"))
            + Fixtures.files(under: conformance.appendingPathComponent("netpol-admin/network-policy-api"))
    }

    static var npGuardCases: [URL] {
        guard let conformance else { return [] }
        return ["netpol/np-guard", "netpol-admin/np-guard"].flatMap { path in
            let folder = conformance.appendingPathComponent(path)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.sorted().map { folder.appendingPathComponent($0) }
                .filter { FileManager.default.fileExists(atPath: $0.appendingPathComponent("expected_connlist.txt").path) }
        }
    }

    @Test(arguments: e2eCases)
    func kubernetesE2E(_ file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        // A case file is not a Kubernetes object; a kind makes the loader keep it as one.
        let root = try #require(Fixtures.objects("kind: NetpolCase\n" + text).first?.root)
        let analysis = NetworkAnalysis(Inventory(objects: try E2ECase.objects(root)))
        var compared = 0
        for block in root["expected"]?.items ?? [] {
            let proto = try #require(block["protocol"]?.string.flatMap(NetworkProtocol.init(name:)))
            let port = try #require(block["port"]?.int)
            for (want, key) in [(true, "allowed"), (false, "denied")] {
                for pair in block[key]?.items ?? [] {
                    let from = try #require(pair["from"]?.string.flatMap(analysis.pod))
                    let to = try #require(pair["to"]?.string.flatMap(analysis.pod))
                    #expect(analysis.isAllowed(from: from, to: to, proto: proto, port: port) == want,
                            "\(file.lastPathComponent) \(proto.rawValue)/\(port) \(analysis.pods[from].id) -> \(analysis.pods[to].id)")
                    #expect(analysis.decide(from: .pod(from), to: .pod(to), proto: proto, port: port)?.allowed == want,
                            "explanations agree with the matrix")
                    compared += 1
                }
            }
        }
        #expect(compared > 0)
    }

    @Test(arguments: npGuardCases)
    func npGuardConnectionList(_ folder: URL) throws {
        let objects = try Fixtures.files(under: folder.appendingPathComponent("manifests")).flatMap { file in
            Fixtures.objects(try String(contentsOf: file, encoding: .utf8), file: file.path)
        }
        let got = GoldenConnectionList(NetworkAnalysis(Inventory(objects: objects)).connectionList())
        let golden = try String(contentsOf: folder.appendingPathComponent("expected_connlist.txt"), encoding: .utf8)
        let want = try #require(GoldenConnectionList(text: golden))
        #expect(got.workloadPairs == want.workloadPairs, "\(folder.lastPathComponent): workload pairs")
        #expect(got.external == want.external, "\(folder.lastPathComponent): external IPv4 ranges")
    }
}

/// Builds the manifests of a transcribed e2e case as the conformance driver does.
enum E2ECase {
    static func objects(_ root: Node) throws -> [KubeObject] {
        var documents: [[String: Any]] = []
        for namespace in root["namespaces"]?.items ?? [] {
            documents.append(["apiVersion": "v1", "kind": "Namespace",
                              "metadata": ["name": namespace["name"]?.string ?? "", "labels": namespace["labels"]?.stringMap ?? [:]]])
        }
        for pod in root["pods"]?.items ?? [] {
            let containers = (pod["ports"]?.items ?? []).enumerated().map { index, port -> [String: Any] in
                ["name": "c\(index)", "ports": [["name": port["name"]?.string ?? "", "containerPort": port["containerPort"]?.int ?? 0,
                                                  "protocol": port["protocol"]?.string ?? "TCP"]]]
            }
            var document: [String: Any] = [
                "apiVersion": "v1", "kind": "Pod",
                "metadata": ["name": pod["name"]?.string ?? "", "namespace": pod["namespace"]?.string ?? "",
                             "labels": pod["labels"]?.stringMap ?? [:]],
                "spec": ["containers": containers],
            ]
            if let ip = pod["ip"]?.string { document["status"] = ["podIP": ip] }
            documents.append(document)
        }
        let json = try JSONSerialization.data(withJSONObject: documents)
        let generated = Fixtures.objects("{\"kind\": \"List\", \"items\": \(String(decoding: json, as: UTF8.self))}")
        return generated + (root["policies"]?.items ?? []).compactMap { KubeObject(root: $0, file: "case.yaml") }
    }
}

/// np-guard's view of a connection list: connections per ordered workload pair (by `ns/name`), and
/// per workload and direction the function from external IPv4 addresses to connections.
struct GoldenConnectionList: Equatable {
    var workloadPairs: [String: ConnectionSet] = [:]
    var external: [String: AddressMap] = [:]

    init(_ list: [ListedConnection]) {
        var entries: [String: [(addresses: IPRangeSet, connections: ConnectionSet)]] = [:]
        for connection in list {
            switch (connection.from, connection.to) {
            case let (.workload(from), .workload(to)):
                workloadPairs["\(from.namespace)/\(from.name) => \(to.namespace)/\(to.name)"] = connection.connections
            case let (.addresses(range), .workload(to)) where range.family == .v4:
                entries["\(to.namespace)/\(to.name) ingress", default: []].append((IPRangeSet([range]), connection.connections))
            case let (.workload(from), .addresses(range)) where range.family == .v4:
                entries["\(from.namespace)/\(from.name) egress", default: []].append((IPRangeSet([range]), connection.connections))
            default:
                continue
            }
        }
        external = entries.mapValues(AddressMap.init)
    }

    /// Parses `src => dst : connections` lines; nil when a line is unreadable.
    init?(text: String) {
        var list: [ListedConnection] = []
        for line in text.split(separator: "\n") where !line.allSatisfy(\.isWhitespace) {
            let halves = line.components(separatedBy: " : ")
            let ends = halves[0].components(separatedBy: " => ")
            guard halves.count == 2, ends.count == 2, let from = Self.peer(ends[0]), let to = Self.peer(ends[1]),
                  let connections = Self.connections(halves[1]) else { return nil }
            list.append(ListedConnection(from: from, to: to, connections: connections))
        }
        self.init(list)
    }

    private static func peer(_ text: String) -> ConnectionPeer? {
        guard let open = text.firstIndex(of: "["), text.hasSuffix("]") else { return nil }
        let name = String(text[..<open])
        let kind = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
        if kind == "External" {
            let bounds = name.components(separatedBy: "-").compactMap(IPAddress.init)
            return bounds.count == 2 ? .addresses(IPRange(first: bounds[0], last: bounds[1])) : nil
        }
        let parts = name.split(separator: "/", maxSplits: 1).map(String.init)
        return parts.count == 2 ? .workload(WorkloadID(kind: kind, namespace: parts[0], name: parts[1])) : nil
    }

    private static func connections(_ text: String) -> ConnectionSet? {
        if text == "All Connections" { return .all }
        var result = ConnectionSet.none
        var proto: NetworkProtocol?
        for item in text.split(separator: ",") {
            var words = item.split(separator: " ").map(String.init)
            if let first = words.first, let named = NetworkProtocol(name: first) {
                proto = named
                words.removeFirst()
            }
            guard let proto else { return nil }
            for word in words.isEmpty ? ["1-65535"] : words {
                let bounds = word.split(separator: "-").compactMap { Int($0) }
                guard let low = bounds.first else { return nil }
                result = result.union(ConnectionSet(proto, [PortRange(from: low, to: bounds.last ?? low)]))
            }
        }
        return result
    }
}
