import RampartModel
import RampartRules
import RampartTenancy
import Testing
import TestSupport

/// Issue 14, defect 8: the taints the node lifecycle controller adds and removes (a new node is
/// `not-ready` for a while, a cordoned one `unschedulable`, a full one `disk-pressure`…) say nothing
/// about whom a node pool is dedicated to. A dedicated pool stays dedicated, and an open pool stays
/// open, whatever state its nodes are in.
@Suite struct LifecycleTaintTests {
    static let lifecycleTaints: [(key: String, effect: String)] = [
        ("node.kubernetes.io/not-ready", "NoSchedule"),
        ("node.kubernetes.io/not-ready", "NoExecute"),
        ("node.kubernetes.io/unreachable", "NoSchedule"),
        ("node.kubernetes.io/unreachable", "NoExecute"),
        ("node.kubernetes.io/unschedulable", "NoSchedule"),
        ("node.kubernetes.io/memory-pressure", "NoSchedule"),
        ("node.kubernetes.io/disk-pressure", "NoSchedule"),
        ("node.kubernetes.io/pid-pressure", "NoSchedule"),
        ("node.kubernetes.io/network-unavailable", "NoSchedule"),
        ("node.cloudprovider.kubernetes.io/uninitialized", "NoSchedule"),
        ("node.kubernetes.io/out-of-service", "NoExecute"),
    ]

    static let model = TenancyModel(tenants: [
        TenantSpec(name: "a", namespaces: NamespaceMatcher(names: ["team-a"]),
                   nodePool: LabelSelector(matchLabels: ["pool": "a"]), declaredIsolation: .softAffinity, origin: "test"),
        TenantSpec(name: "b", namespaces: NamespaceMatcher(names: ["team-b"]), origin: "test"),
    ], source: "test")

    /// A node of `pool`, tainted for it when `dedicated`, with `extra` taints.
    static func node(_ name: String, pool: String, dedicated: Bool, extra: [(key: String, effect: String)] = []) -> String {
        var taints = dedicated ? ["  - {key: pool, value: \(pool), effect: NoSchedule}"] : []
        taints += extra.map { "  - {key: \"\($0.key)\", effect: \($0.effect)}" }
        return """
            apiVersion: v1
            kind: Node
            metadata:
              name: \(name)
              labels: {pool: \(pool)}
            spec:
            \(taints.isEmpty ? "  taints: []" : "  taints:\n" + taints.joined(separator: "\n"))
            """
    }

    /// Tenant a's workload pinned to its pool (selector and toleration), tenant b's on any node.
    static let workloads = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api, namespace: team-a}
        spec:
          template:
            spec:
              nodeSelector: {pool: a}
              tolerations: [{key: pool, operator: Equal, value: a, effect: NoSchedule}]
              containers: [{name: app, image: api}]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: team-b}
        spec:
          template:
            spec:
              containers: [{name: app, image: web}]
        """

    static func findings(_ documents: [String]) -> (findings: [Finding], report: TenancyReport) {
        let context = Example.context(Fixtures.objects(documents.joined(separator: "\n---\n")), model: model)
        return (Auditor.audit(context, rules: TenancyRules.all), context.tenancy)
    }

    static func clusterDocuments(poolTaints: [(key: String, effect: String)], systemTaints: [(key: String, effect: String)] = []) -> [String] {
        [node("a-1", pool: "a", dedicated: true, extra: poolTaints), node("a-2", pool: "a", dedicated: true, extra: poolTaints),
         node("system-1", pool: "system", dedicated: false, extra: systemTaints), workloads]
    }

    @Test("a lifecycle taint on a node of a dedicated pool leaves the pool dedicated",
          arguments: lifecycleTaints.map { "\($0.key):\($0.effect)" })
    func dedicatedPoolStaysDedicated(_ taint: String) throws {
        let parts = taint.split(separator: ":", maxSplits: 1).map(String.init)
        let lifecycle = [(key: parts[0], effect: parts[1])]
        let healthy = Self.findings(Self.clusterDocuments(poolTaints: []))
        let changing = Self.findings(Self.clusterDocuments(poolTaints: lifecycle, systemTaints: lifecycle))
        #expect(!healthy.findings.contains { $0.ruleId.hasPrefix("tenancy.shared-nodes") })
        #expect(changing.findings.map(\.ruleId).sorted() == healthy.findings.map(\.ruleId).sorted(),
                "\(changing.findings.map { "\($0.ruleId): \($0.message)" })")
        let verdict = try #require(changing.report.verdict("a"))
        #expect(verdict.status(.compute) != .fail)
        let compute = try #require(verdict.layers.first { $0.layer == .compute })
        #expect(compute.ceiling == .softAffinity)
        #expect(compute.evidence.contains { $0.message == "Deployment team-a/api runs only on nodes no other tenant uses: a-1, a-2" })
    }

    @Test("a lifecycle taint does not make an untainted pool node look dedicated",
          arguments: lifecycleTaints.map { "\($0.key):\($0.effect)" })
    func openPoolStaysOpen(_ taint: String) throws {
        let parts = taint.split(separator: ":", maxSplits: 1).map(String.init)
        // Tenant a has no workloads yet: its set-up is judged, and the pool node has no taint of its own.
        let documents = [Self.node("a-1", pool: "a", dedicated: false, extra: [(key: parts[0], effect: parts[1])]), """
            apiVersion: v1
            kind: Namespace
            metadata: {name: team-a}
            """]
        let context = Example.context(Fixtures.objects(documents.joined(separator: "\n---\n")), model: Self.model)
        let compute = try #require(context.tenancy.verdict("a")?.layers.first { $0.layer == .compute })
        #expect(compute.status == .fail)
        #expect(compute.evidence.contains { $0.message.contains("node a-1 of the tenant's pool has no taint") })
    }
}
