import RampartModel
import Testing
import TestSupport

@Suite struct NodeTests {
    @Test func yaml11BooleansFollowTheKubernetesDecoder() {
        let object = Fixtures.objects("""
            kind: Pod
            metadata: {name: p, labels: {on: "on", quoted: "NO"}}
            spec: {hostNetwork: yes, hostPID: "true", hostIPC: Off}
            """)[0]
        let spec = object.root["spec"]
        #expect(spec?["hostNetwork"]?.bool == true)
        #expect(spec?["hostPID"]?.bool == nil, "a quoted 'true' is a string, not a boolean")
        #expect(spec?["hostIPC"]?.bool == false)
        #expect(object.labels["quoted"] == "NO")
        #expect(object.labels["on"] == "on")
    }

    @Test func integersInEveryYAML11Form() {
        let spec = Fixtures.objects("""
            kind: X
            spec: {a: 0x1F, b: 010, c: 1_000, d: -5, e: '7', f: 1.5, g: 0, h: 65534, i: 12a, j: 99999999999999999999}
            """)[0].root["spec"]
        #expect(spec?["a"]?.int == 31)
        #expect(spec?["b"]?.int == 8)
        #expect(spec?["c"]?.int == 1000)
        #expect(spec?["d"]?.int == -5)
        #expect(spec?["e"]?.int == nil)
        #expect(spec?["f"]?.int == nil)
        #expect(spec?["g"]?.int == 0)
        #expect(spec?["h"]?.int == 65534)
        #expect(spec?["i"]?.int == nil)
        #expect(spec?["j"]?.int == nil, "out of range")
    }

    @Test func nullsAreThePlainNullSpellingsOnly() {
        let spec = Fixtures.objects("kind: X\nspec: {a: ~, b: null, c: NULL, d: 'null', e: nulls, f: , g: Nil}")[0].root["spec"]
        #expect(["a", "b", "c", "f"].allSatisfy { spec?[$0]?.isNull == true })
        #expect(["d", "e", "g"].allSatisfy { spec?[$0]?.isNull == false })
        #expect(spec?["d"]?.string == "null" && spec?["b"]?.string == nil)
    }

    @Test func fieldPathsRenderLikeKubernetesMessages() {
        let path = FieldPath("spec.template.spec").appending("containers").appending(index: 0).appending("securityContext")
        #expect(path.description == "spec.template.spec.containers[0].securityContext")
        #expect(FieldPath("metadata.annotations").appending("rampart.dev/ignore").description
                == "metadata.annotations['rampart.dev/ignore']")
    }

    @Test func locationFallsBackToTheNearestExistingAncestor() {
        let object = Fixtures.objects("kind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: x\n")[0]
        #expect(object.location(of: "spec").line == 3)  // the key that names the block
        #expect(object.location(of: FieldPath("spec.containers").appending(index: 0).appending("image")).line == 6)
        let container = object.location(of: FieldPath("spec.containers").appending(index: 0).appending("resources"))
        #expect(container.line == 5)
    }

    @Test func labelSelectorsMatchExpressions() {
        let selector = LabelSelector(Fixtures.objects("""
            kind: X
            sel:
              matchLabels: {app: web}
              matchExpressions:
              - {key: tier, operator: In, values: [front, back]}
              - {key: legacy, operator: DoesNotExist}
            """)[0].root["sel"]!)
        #expect(selector.matches(["app": "web", "tier": "front"]))
        #expect(!selector.matches(["app": "web", "tier": "db"]))
        #expect(!selector.matches(["app": "web", "tier": "front", "legacy": "1"]))
        #expect(LabelSelector().matches([:]))
    }
}
