import RampartModel
import RampartRules
import Testing
import TestSupport

@Suite struct WorkloadRuleTests {
    static let namespace = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: team}
        ---
        """

    @Test func tokenAutomountFollowsTheServiceAccountDefault() {
        let pod = """
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: quiet, namespace: team}
            automountServiceAccountToken: false
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: team}
            spec:
              template:
                spec:
                  serviceAccountName: quiet
                  containers: [{name: app, image: "r.io/app:1"}]
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: loud, namespace: team}
            spec:
              containers: [{name: app, image: "r.io/app:1"}]
            """
        let found = findings(pod, rules: [ServiceAccountsTokenAutomount()])
        #expect(found.map(\.object.name) == ["loud"])
        #expect(found.first?.path == "spec.automountServiceAccountToken")
    }

    @Test func defaultServiceAccountIsFlaggedForWorkloadsOfEveryKind() {
        let cronJob = """
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: nightly, namespace: team}
            spec:
              schedule: "0 0 * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      containers: [{name: job, image: "r.io/job:1"}]
            """
        let found = findings(cronJob, rules: [ServiceAccountsDefaultAccount()])
        #expect(found.count == 1)
        #expect(found.first?.path == "spec.jobTemplate.spec.template.spec.serviceAccountName")
        #expect(found.first?.location.line == 9)  // the `spec:` the missing field belongs in
    }

    @Test(arguments: [
        ("nginx", ["images.latest-tag", "images.no-digest"]),
        ("nginx:latest", ["images.latest-tag", "images.no-digest"]),
        ("registry.example.com:5000/team/app:1.2", ["images.no-digest", "images.pull-policy"]),
        ("ghcr.io/org/app:1.2@sha256:0123456789abcdef", []),
    ])
    func imageReferences(image: String, expected: [String]) {
        let pod = "kind: Pod\nmetadata: {name: p, namespace: team}\nspec:\n  containers: [{name: c, image: \"\(image)\"}]\n"
        #expect(firedRules(pod, rules: ImageRules.all) == expected)
    }

    @Test func pullPolicyDefaultIsExplained() {
        let pod = "kind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: \"r.io/a:1\"}]\n"
        let finding = findings(pod, rules: [ImagesPullPolicy()]).first
        #expect(finding?.notes.first?.contains("defaulted to IfNotPresent") == true)
    }

    @Test func registryAllowListAppliesOnlyWhenConfigured() {
        let pod = """
            kind: Pod
            metadata: {name: p}
            spec:
              initContainers: [{name: init, image: "docker.io/library/busybox:1"}]
              containers: [{name: c, image: "ghcr.io/example/app:1"}, {name: d, image: "ghcr.io/examplebad/app:1"}]
            """
        #expect(findings(pod, rules: [ImagesUntrustedRegistry()]).isEmpty)
        let settings = RuleSettings(allowedRegistries: ["ghcr.io/example"])
        let found = findings(pod, rules: [ImagesUntrustedRegistry()], settings: settings)
        #expect(found.map(\.path).sorted() == ["spec.containers[1].image", "spec.initContainers[0].image"])
    }

    @Test func limitRangeDefaultsCountAsAdmitted() {
        let manifests = Self.namespace + """
            apiVersion: v1
            kind: LimitRange
            metadata: {name: defaults, namespace: team}
            spec:
              limits:
              - type: Container
                default: {cpu: 500m}
            ---
            kind: Pod
            metadata: {name: p, namespace: team}
            spec:
              containers: [{name: c, image: x, resources: {limits: {memory: 1Gi}}}]
              ephemeralContainers: [{name: debug, image: busybox}]
            """
        #expect(findings(manifests, rules: [ResourcesMissingLimits()]).isEmpty)
        let requests = findings(manifests, rules: [ResourcesMissingRequests()])
        #expect(requests.isEmpty, "requests default from limits and from the LimitRange default")
        let without = findings("kind: Pod\nmetadata: {name: p, namespace: team}\nspec:\n  containers: [{name: c, image: x}]\n",
                               rules: [ResourcesMissingLimits()])
        #expect(without.first?.message == "container \"c\" has no cpu or memory limit")
    }

    @Test func tenantNamespacesNeedQuotaAndLimitRangeButPlatformOnesDoNot() {
        let manifests = """
            kind: Namespace
            metadata: {name: team}
            ---
            kind: Namespace
            metadata: {name: kube-system}
            ---
            kind: ResourceQuota
            metadata: {name: q, namespace: team}
            """
        let found = findings(manifests, rules: ResourceRules.all)
        #expect(found.map(\.ruleId) == ["resources.namespace-without-limitrange"])
        #expect(found.first?.object.name == "team")
    }
}
