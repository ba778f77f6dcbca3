import RampartModel
import RampartRules
import RampartTenancy
import Testing
import TestSupport

/// Issue 14, defect 10: a cluster dump holds a Deployment, its ReplicaSet and its Pods. Every
/// tenancy finding about the workload belongs on the Deployment, whatever order the objects come in.
@Suite struct TopLevelWorkloadTests {
    static let model = TenancyModel(tenants: [
        TenantSpec(name: "acme", namespaces: NamespaceMatcher(names: ["cust"]), trust: .untrusted, untrustedCode: true, origin: "test"),
    ], source: "test")

    static let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: cust, uid: d-1}
        spec:
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: app, image: nginx}]
        """
    static let replicaSet = """
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata:
          name: web-5d8f
          namespace: cust
          uid: rs-1
          ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, uid: d-1, controller: true}]
        spec:
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: app, image: nginx}]
        """
    static let pod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web-5d8f-x7k2p
          namespace: cust
          labels: {app: web}
          ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-5d8f, uid: rs-1, controller: true}]
        spec:
          containers: [{name: app, image: nginx}]
        status: {podIP: 10.0.0.7}
        """

    static let orders: [[String]] = [
        [pod, replicaSet, deployment],
        [replicaSet, pod, deployment],
        [deployment, replicaSet, pod],
    ]

    static func findings(_ documents: [String]) -> [Finding] {
        let context = Example.context(Fixtures.objects(documents.joined(separator: "\n---\n")), model: model)
        return Auditor.audit(context, rules: TenancyRules.all)
    }

    @Test("tenancy.metadata-egress is on the Deployment, once", arguments: orders.indices)
    func metadataEgressOnTheDeployment(_ order: Int) {
        let egress = Self.findings(Self.orders[order]).filter { $0.ruleId == "tenancy.metadata-egress" }
        #expect(egress.map(\.object.description) == ["Deployment/cust/web"])
    }

    @Test("no tenancy finding lands on a ReplicaSet or Pod that a Deployment controls", arguments: orders.indices)
    func everyFindingOnTheTopLevelObject(_ order: Int) {
        let findings = Self.findings(Self.orders[order])
        #expect(!findings.isEmpty)
        let misplaced = findings.filter { $0.object.kind == "Pod" || $0.object.kind == "ReplicaSet" }
        #expect(misplaced.isEmpty, "\(misplaced.map { "\($0.ruleId) on \($0.object)" })")
        // Without a Namespace object, the namespace's findings go on its first top-level object.
        #expect(findings.filter { $0.ruleId == "tenancy.isolation-not-met" }.map(\.object.description) == ["Deployment/cust/web"])
    }

    @Test("a ReplicaSet whose Deployment is not among the inputs is the top-level object")
    func orphanReplicaSetCarriesTheFinding() {
        let egress = Self.findings([Self.pod, Self.replicaSet]).filter { $0.ruleId == "tenancy.metadata-egress" }
        #expect(egress.map(\.object.description) == ["ReplicaSet/cust/web-5d8f"])
    }
}
