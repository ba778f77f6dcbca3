import RampartModel
import Testing
import TestSupport

/// A finding about a block mapping or list points at the key that names it, not at the first line
/// of its content.
@Suite struct FieldLocationTests {
    static let object = Fixtures.objects("""
        apiVersion: v1
        kind: Pod
        metadata: {name: p, namespace: n}
        spec:
          containers:
          - name: c
            image: x
            resources:
              requests: {cpu: 100m}
            securityContext:
              privileged: false
        """)[0]

    static let container = FieldPath("spec.containers").appending(index: 0)

    @Test func aBlockMappingIsLocatedAtItsKey() {
        #expect(Self.object.location(of: Self.container.appending("resources")).line == 8)
        #expect(Self.object.location(of: Self.container.appending("securityContext")).line == 10)
    }

    @Test func aMissingFieldIsLocatedAtItsNearestExistingAncestorsKey() {
        #expect(Self.object.location(of: Self.container.appending("securityContext").appending("seccompProfile")).line == 10)
        #expect(Self.object.location(of: Self.container.appending("resources").appending("limits")).line == 8)
    }

    @Test func aListItemIsLocatedAtTheItem() {
        #expect(Self.object.location(of: Self.container).line == 6)
    }
}
