import RampartModel
import RampartRules
import Testing
import TestSupport

/// A cluster dump holds a Deployment, its ReplicaSet and its Pods: one misconfiguration written in
/// the Deployment's template is reported once, on the Deployment, whatever the input order.
@Suite struct WorkloadJudgedOnceTests {
    static let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: team-a, uid: d-1}
        spec:
          template:
            spec:
              containers: [{name: app, image: nginx, securityContext: {privileged: true}}]
        """
    static let replicaSet = """
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata:
          name: web-5d8f
          namespace: team-a
          uid: rs-1
          ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, uid: d-1, controller: true}]
        spec:
          template:
            spec:
              containers: [{name: app, image: nginx, securityContext: {privileged: true}}]
        """
    static let pods = (1...2).map { index in
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web-5d8f-\(index)
          namespace: team-a
          ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-5d8f, uid: rs-1, controller: true}]
        spec:
          containers: [{name: app, image: nginx, securityContext: {privileged: true}}]
        """
    }

    @Test("Pod Security findings are reported once per workload, on the top-level object",
          arguments: [false, true])
    func podSecurityOncePerWorkload(podsFirst: Bool) {
        let documents = podsFirst ? Self.pods + [Self.replicaSet, Self.deployment] : [Self.deployment, Self.replicaSet] + Self.pods
        let privileged = findings(documents.joined(separator: "\n---\n")).filter { $0.ruleId == "pss.privileged" }
        #expect(privileged.count == 1)
        #expect(privileged.first?.object.kind == "Deployment")
    }
}
