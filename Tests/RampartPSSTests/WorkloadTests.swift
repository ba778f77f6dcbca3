import RampartModel
import RampartPSS
import Testing
import TestSupport

/// Pods wrapped in workloads, ephemeral and init containers, and the namespace-label policy.
@Suite struct WorkloadTests {
    static let manifests = """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: strict
          labels:
            pod-security.kubernetes.io/enforce: restricted
            pod-security.kubernetes.io/enforce-version: v1.24
            pod-security.kubernetes.io/warn: baseline
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: broken
          labels:
            pod-security.kubernetes.io/enforce: Restricted
            pod-security.kubernetes.io/audit: nonsense
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: strict}
        spec:
          template:
            spec:
              containers:
              - name: app
                image: nginx
                securityContext: {privileged: true}
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: nightly, namespace: broken}
        spec:
          schedule: "@daily"
          jobTemplate:
            spec:
              template:
                spec:
                  initContainers:
                  - {name: setup, image: busybox, securityContext: {capabilities: {add: [SYS_ADMIN]}}}
                  containers:
                  - {name: job, image: busybox}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: debugged, namespace: elsewhere}
        spec:
          containers:
          - {name: app, image: nginx}
          ephemeralContainers:
          - {name: debugger, image: busybox, securityContext: {privileged: true}}
        """

    static let verdicts = PodVerdict.evaluate(Fixtures.inventory(manifests))

    static func verdict(_ name: String) -> PodVerdict? {
        verdicts.first { $0.pod.object.name == name }
    }

    @Test func deploymentIsJudgedByItsNamespaceEnforceLabels() throws {
        let web = try #require(Self.verdict("web"))
        #expect(web.source == .namespaceLabels)
        #expect(web.enforce.mode == LevelVersion(level: .restricted, version: .v1(minor: 24)))
        #expect(!web.allowed)
        #expect(web.enforce.violations.first?.check == "privileged")
        #expect(web.warn?.mode.level == .baseline)
        #expect(web.warn?.violations.map(\.check) == ["privileged"])
        #expect(web.audit?.mode == NamespacePolicy.defaultMode)
        #expect(web.audit?.allowed == true)
    }

    @Test func invalidLabelsFailClosedForEnforceAndOpenForAudit() throws {
        let nightly = try #require(Self.verdict("nightly"))
        #expect(nightly.enforce.mode.level == .restricted)
        #expect(nightly.audit?.mode.level == .privileged)
        #expect(nightly.policyErrors.count == 2)
        let capabilities = nightly.enforce.violations.first { $0.check == "capabilities_restricted" }
        #expect(capabilities?.detail.contains("container \"setup\" must not include \"SYS_ADMIN\" in securityContext.capabilities.add") == true)
        #expect(capabilities.map { $0.fields.map { nightly.pod.templatePath.appending($0).description } }?
                    .contains("spec.jobTemplate.spec.template.spec.initContainers[0].securityContext.capabilities.add") == true)
        #expect(!nightly.enforce.violations.contains { $0.check == "capabilities_baseline" })
    }

    @Test func podWithoutItsNamespaceGetsTheAdmissionDefault() throws {
        let pod = try #require(Self.verdict("debugged"))
        #expect(pod.source == .admissionDefault)
        #expect(pod.allowed)
        #expect(pod.audit == nil && pod.warn == nil)
    }

    @Test func ephemeralContainersAreChecked() throws {
        let pod = try #require(Self.verdict("debugged")?.pod)
        let violations = PodSecurity.evaluate(pod, level: .baseline, version: .latest)
        #expect(violations.map(\.check) == ["privileged"])
        #expect(violations.first?.detail == "container \"debugger\" must not set securityContext.privileged=true")
        #expect(violations.first?.fields.map(\.description) == ["spec.ephemeralContainers[0].securityContext.privileged"])
    }

    @Test func explicitLevelOverridesLabels() {
        let verdicts = PodVerdict.evaluate(Fixtures.inventory(Self.manifests),
                                           explicit: LevelVersion(level: .privileged, version: .latest))
        #expect(verdicts.count == 3)
        #expect(verdicts.allSatisfy { $0.allowed && $0.source == .explicit })
    }
}
