import RampartClusterAdmission
import RampartModel
import Testing
import TestSupport

/// MutatingAdmissionPolicy applied offline, with policies written after the Kubernetes
/// documentation's examples: sidecar injection by apply configuration, labels by JSON patch.
@Suite("Mutating admission policies")
struct MutationTests {
    static let pod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: team, labels: {app: web}}
        spec:
          containers:
          - {name: web, image: nginx:1.27}
        """

    static let namespace = "apiVersion: v1\nkind: Namespace\nmetadata: {name: team, labels: {env: prod}}"

    static func policy(_ name: String, patchType: String = "ApplyConfiguration", failurePolicy: String = "Fail",
                       _ expression: String, binding: String = "") -> String {
        let field = patchType == "JSONPatch" ? "jsonPatch" : "applyConfiguration"
        return """
            apiVersion: admissionregistration.k8s.io/v1
            kind: MutatingAdmissionPolicy
            metadata: {name: \(name)}
            spec:
              failurePolicy: \(failurePolicy)
              reinvocationPolicy: IfNeeded
              matchConstraints:
                resourceRules:
                - {apiGroups: [""], apiVersions: ["v1"], operations: ["CREATE"], resources: ["pods"]}
              matchConditions:
              - name: no-sidecar-yet
                expression: '!has(object.spec.initContainers) || !object.spec.initContainers.exists(c, c.name == "mesh-proxy")'
              mutations:
              - patchType: \(patchType)
                \(field):
                  expression: '\(expression)'
            ---
            apiVersion: admissionregistration.k8s.io/v1
            kind: MutatingAdmissionPolicyBinding
            metadata: {name: \(name)-binding}
            spec: {policyName: \(name)\(binding)}
            """
    }

    static let sidecar = policy("sidecar", """
        Object{spec: Object.spec{initContainers: [Object.spec.initContainers{name: "mesh-proxy", image: "mesh/proxy:v1.0.0", \
        args: ["proxy", "sidecar"], restartPolicy: "Always"}], containers: [Object.spec.containers{name: "web", \
        imagePullPolicy: "Always"}]}}
        """)

    func mutate(_ documents: String...) throws -> MutationResult {
        let inventory = Fixtures.inventory(([Self.namespace, Self.pod] + documents).joined(separator: "\n---\n"))
        let pod = try #require(inventory.objects.first { $0.kind == "Pod" })
        return ClusterAdmission(inventory).mutate(AdmissionAttributes(operation: .create, object: pod))
    }

    @Test func applyConfigurationInjectsASidecarAndMergesContainersByName() throws {
        let result = try mutate(Self.sidecar)
        let spec = try #require(result.object?.root["spec"])
        #expect(spec["initContainers"]?[0]?["image"]?.string == "mesh/proxy:v1.0.0")
        #expect(spec["initContainers"]?[0]?["args"]?.items.count == 2)
        #expect(spec["containers"]?.items.count == 1)
        #expect(spec["containers"]?[0]?["image"]?.string == "nginx:1.27")
        #expect(spec["containers"]?[0]?["imagePullPolicy"]?.string == "Always")
        let record = try #require(result.records.first)
        #expect(result.records.count == 1)
        #expect((record.policy, record.binding, record.failure) == ("sidecar", "sidecar-binding", nil))
        #expect(record.changedPaths == ["spec.initContainers", "spec.containers[name=web].imagePullPolicy"])
    }

    @Test func aMatchConditionStopsReinjection() throws {
        let once = try #require(try mutate(Self.sidecar).object)
        let inventory = Fixtures.inventory([Self.namespace, Self.sidecar].joined(separator: "\n---\n"))
        let again = ClusterAdmission(inventory).mutate(AdmissionAttributes(operation: .create, object: once))
        #expect(again.records.isEmpty)
        #expect(again.object?.root["spec"]?["initContainers"]?.items.count == 1)
    }

    @Test func jsonPatchAddsAnEscapedLabelAndTestsTheValueBefore() throws {
        let result = try mutate(Self.policy("label", patchType: "JSONPatch", """
            [JSONPatch{op: "test", path: "/metadata/labels/app", value: "web"}, \
            JSONPatch{op: "add", path: "/metadata/labels/" + jsonpatch.escapeKey("example.com/env"), value: "test"}, \
            JSONPatch{op: "remove", path: "/metadata/labels/app"}]
            """))
        let object = try #require(result.object)
        #expect(object.labels == ["example.com/env": "test"])
        #expect(result.records.first?.changedPaths == ["add /metadata/labels/example.com~1env", "remove /metadata/labels/app"])
    }

    @Test func aFailedJSONPatchTestRejectsUnderFailAndChangesNothingUnderIgnore() throws {
        let patch = #"[JSONPatch{op: "add", path: "/metadata/labels/x", value: "y"}, JSONPatch{op: "test", path: "/metadata/labels/app", value: "api"}]"#
        let failing = try mutate(Self.policy("label", patchType: "JSONPatch", patch))
        #expect(failing.records.first?.rejects == true)
        #expect(failing.records.first?.denial?.hasPrefix("MutatingAdmissionPolicy 'label' with binding 'label-binding' denied request:") == true)
        #expect(failing.records.first?.failure?.contains("JSONPatch test failed at /metadata/labels/app") == true)
        let ignored = try mutate(Self.policy("label", patchType: "JSONPatch", failurePolicy: "Ignore", patch))
        #expect(ignored.records.first?.rejects == false)
        #expect(ignored.object?.labels == ["app": "web"])
    }

    @Test func aBindingWhoseNamespaceSelectorDoesNotMatchMutatesNothing() throws {
        let result = try mutate(Self.policy("sidecar", #"Object{metadata: Object.metadata{labels: {"injected": "yes"}}}"#,
                                        binding: ", matchResources: {namespaceSelector: {matchLabels: {env: dev}}}"))
        #expect(result.records.isEmpty)
        #expect(result.object?.labels == ["app": "web"])
    }

    @Test func nullInAnApplyConfigurationRemovesTheField() throws {
        let result = try mutate(Self.policy("unlabel", "Object{metadata: Object.metadata{labels: {\"app\": null}}}"))
        #expect(result.object?.labels == [:])
        #expect(result.records.first?.changedPaths == ["metadata.labels.app"])
    }

    @Test func aPolicyThatDoesNotCompileIsAConfigurationProblemAndRejectsUnderFail() throws {
        let broken = Self.policy("broken", "Object{spec: Object.spec{containers: object.spec.containers.mapp(c, c)}}")
        let problems = ClusterAdmission(Fixtures.inventory(broken)).problems
        #expect(problems.count == 1)
        #expect(problems.first?.path.description == "spec.mutations[0].applyConfiguration.expression")
        #expect(try mutate(broken).records.first?.rejects == true)
    }

    @Test func otherMessageTypesStayCompileErrors() throws {
        let broken = Self.policy("typed", "Pod{spec: {}}")
        #expect(ClusterAdmission(Fixtures.inventory(broken)).problems.first?.message.contains("message construction is not supported") == true)
    }
}
