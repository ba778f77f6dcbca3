import RampartModel
import Testing
import TestSupport

@Suite struct InventoryTests {
    @Test func podsAndReplicaSetsOfAWorkloadAmongTheInputsAreNotTopLevel() {
        let inventory = Fixtures.inventory("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: a, uid: d-1}
            spec: {template: {spec: {containers: [{name: c, image: x}]}}}
            ---
            apiVersion: apps/v1
            kind: ReplicaSet
            metadata:
              name: web-5d9
              namespace: a
              ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, uid: d-1, controller: true}]
            spec: {template: {spec: {containers: [{name: c, image: x}]}}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: web-5d9-x
              namespace: a
              ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-5d9, controller: true}]
            spec: {containers: [{name: c, image: x}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: orphan
              namespace: a
              ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: gone, controller: true}]
            spec: {containers: [{name: c, image: x}]}
            """)
        #expect(inventory.podTemplates.count == 4)
        #expect(inventory.topLevelPodTemplates.map(\.object.name) == ["web", "orphan"])
        #expect(inventory.namespaceNames == ["a"])
        #expect(inventory.object(group: "apps", kind: "ReplicaSet", namespace: "a", name: "web-5d9") != nil)
    }

    @Test func aControllerNotFoundByItsIdentityIsFoundByItsUID() {
        let inventory = Fixtures.inventory("""
            apiVersion: apps/v1
            kind: ReplicaSet
            metadata: {name: web-5d9, namespace: a, uid: rs-1}
            spec: {template: {spec: {containers: [{name: c, image: x}]}}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: renamed-owner
              namespace: a
              ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-old, uid: rs-1, controller: true}]
            spec: {containers: [{name: c, image: x}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: unknown-uid
              namespace: a
              ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-old, uid: rs-2, controller: true}]
            spec: {containers: [{name: c, image: x}]}
            """)
        #expect(inventory.topLevelPodTemplates.map(\.object.name) == ["web-5d9", "unknown-uid"])
    }
}
