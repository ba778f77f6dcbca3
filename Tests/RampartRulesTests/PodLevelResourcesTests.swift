import RampartModel
import RampartRules
import Testing
import TestSupport

/// Pod-level resources (`spec.resources`, beta and on by default from Kubernetes 1.34) bound the
/// pod as a whole: a container without limits of its own is still bounded by them. The pods are
/// the shape of the upstream task "Assign Pod-level CPU and memory resources".
@Suite struct PodLevelResourcesTests {
    /// The upstream example: pod-level requests and limits, containers with none of their own.
    static let podLevel = """
        apiVersion: v1
        kind: Pod
        metadata: {name: pod-resources-demo, namespace: pod-resources-example}
        spec:
          resources:
            limits: {cpu: "1", memory: 200Mi}
            requests: {cpu: "1", memory: 100Mi}
          containers:
          - {name: pod-resources-demo-ctr-1, image: nginx}
          - {name: pod-resources-demo-ctr-2, image: fedora, command: [sleep, inf]}
        """

    @Test func podLevelLimitsAndRequestsBoundEveryContainer() {
        #expect(findings(Self.podLevel, rules: [ResourcesMissingLimits(), ResourcesMissingRequests()]).isEmpty)
    }

    @Test func podLevelLimitsAloneGiveRequestsToo() {
        let limitsOnly = Self.podLevel.replacingOccurrences(of: "    requests: {cpu: \"1\", memory: 100Mi}\n", with: "")
        #expect(limitsOnly != Self.podLevel)
        #expect(findings(limitsOnly, rules: [ResourcesMissingLimits(), ResourcesMissingRequests()]).isEmpty)
    }

    @Test func aResourceThePodLevelLeavesOutIsStillMissing() {
        let memoryOnly = Self.podLevel
            .replacingOccurrences(of: "limits: {cpu: \"1\", memory: 200Mi}", with: "limits: {memory: 200Mi}")
            .replacingOccurrences(of: "requests: {cpu: \"1\", memory: 100Mi}", with: "requests: {memory: 100Mi}")
        let found = findings(memoryOnly, rules: [ResourcesMissingLimits()])
        #expect(found.map(\.message) == ["container \"pod-resources-demo-ctr-1\" has no cpu limit",
                                         "container \"pod-resources-demo-ctr-2\" has no cpu limit"])
        #expect(found.allSatisfy { $0.notes == ["pod-level resources (spec.resources) bound memory for every container"] })
    }

    @Test func aWorkloadTemplateCarriesPodLevelResourcesToo() {
        let deployment = "{apiVersion: apps/v1, kind: Deployment, metadata: {name: web, namespace: team}, spec: {template: {spec: "
            + "{resources: {limits: {cpu: 500m, memory: 256Mi}}, containers: [{name: web, image: nginx}]}}}}"
        #expect(findings(deployment, rules: [ResourcesMissingLimits(), ResourcesMissingRequests()]).isEmpty)
    }
}
