import Foundation
import RampartClusterAdmission
import RampartModel
import Testing
import TestSupport

/// How a policy and its binding select requests: resource rules with subresources and scope,
/// exclusions, namespace and object selectors, as the API server's matcher does.
@Suite("Which requests a ValidatingAdmissionPolicy applies to")
struct MatchingTests {
    static func policy(_ match: String, validation: String = "false") -> String {
        """
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicy
        metadata: {name: p}
        spec:
          matchConstraints:
        \(match)
          validations:
          - expression: "\(validation)"
            message: denied by p
        ---
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicyBinding
        metadata: {name: b}
        spec: {policyName: p, validationActions: [Deny]}
        """
    }

    static let tenantNamespace = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: tenant-a, labels: {tenant: a}}
        """

    static func pod(_ namespace: String, labels: String = "{}") -> String {
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: \(namespace), labels: \(labels)}
        spec: {containers: [{name: c, image: nginx}]}
        """
    }

    func decisions(_ documents: [String]) -> [String: AdmissionCheckResult.Decision] {
        let inventory = Fixtures.inventory(documents.joined(separator: "\n---\n"))
        var byObject: [String: AdmissionCheckResult.Decision] = [:]
        for result in AdmissionCheck.run(inventory) { byObject[result.object.reference.description] = result.decision }
        return byObject
    }

    @Test func starMatchesResourcesButNotSubresources() {
        let match = """
            resourceRules:
            - {apiGroups: ["*"], apiVersions: ["*"], operations: ["*"], resources: ["*"]}
        """
        #expect(decisions([Self.policy(match), Self.pod("default")])["Pod/default/web"] == .deny)
    }

    @Test func aRuleForAnotherResourceOrOperationDoesNotMatch() {
        let otherResource = """
            resourceRules:
            - {apiGroups: [""], apiVersions: ["v1"], operations: ["CREATE"], resources: ["services", "pods/status"]}
        """
        let otherOperation = """
            resourceRules:
            - {apiGroups: [""], apiVersions: ["v1"], operations: ["UPDATE"], resources: ["pods"]}
        """
        #expect(decisions([Self.policy(otherResource), Self.pod("default")])["Pod/default/web"] == .admit)
        #expect(decisions([Self.policy(otherOperation), Self.pod("default")])["Pod/default/web"] == .admit)
    }

    @Test func clusterScopeLeavesNamespacedObjectsAlone() {
        let match = """
            resourceRules:
            - {apiGroups: ["*"], apiVersions: ["*"], operations: ["*"], resources: ["*"], scope: Cluster}
        """
        let result = decisions([Self.policy(match), Self.pod("default"), Self.tenantNamespace])
        #expect(result["Pod/default/web"] == .admit)
        #expect(result["Namespace/tenant-a"] == .deny)
    }

    @Test func excludedResourcesAreNotJudged() {
        let match = """
            resourceRules:
            - {apiGroups: ["*"], apiVersions: ["*"], operations: ["*"], resources: ["*"]}
            excludeResourceRules:
            - {apiGroups: [""], apiVersions: ["v1"], operations: ["*"], resources: ["pods"]}
        """
        #expect(decisions([Self.policy(match), Self.pod("default")])["Pod/default/web"] == .admit)
    }

    @Test func namespaceSelectorReadsTheNamespaceLabelsAndTheNameLabelTheServerSets() {
        let byTenant = """
            resourceRules:
            - {apiGroups: [""], apiVersions: ["v1"], operations: ["CREATE"], resources: ["pods"]}
            namespaceSelector: {matchLabels: {tenant: a}}
        """
        let byName = """
            resourceRules:
            - {apiGroups: [""], apiVersions: ["v1"], operations: ["CREATE"], resources: ["pods"]}
            namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: other}}
        """
        let tenantResult = decisions([Self.policy(byTenant), Self.tenantNamespace, Self.pod("tenant-a"), Self.pod("default")])
        #expect(tenantResult["Pod/tenant-a/web"] == .deny)
        #expect(tenantResult["Pod/default/web"] == .admit)
        // A namespace not among the inputs still carries its name label.
        #expect(decisions([Self.policy(byName), Self.pod("other")])["Pod/other/web"] == .deny)
    }

    @Test func objectSelectorReadsTheObjectLabels() {
        let match = """
            resourceRules:
            - {apiGroups: [""], apiVersions: ["v1"], operations: ["CREATE"], resources: ["pods"]}
            objectSelector: {matchExpressions: [{key: app, operator: In, values: [web]}]}
        """
        #expect(decisions([Self.policy(match), Self.pod("default", labels: "{app: web}")])["Pod/default/web"] == .deny)
        #expect(decisions([Self.policy(match), Self.pod("default", labels: "{app: db}")])["Pod/default/web"] == .admit)
    }

    @Test func exactMatchPolicyNeedsTheVersion() {
        let match = """
            resourceRules:
            - {apiGroups: [""], apiVersions: ["v2"], operations: ["CREATE"], resources: ["pods"]}
            matchPolicy: Exact
        """
        let equivalent = match.replacingOccurrences(of: "Exact", with: "Equivalent")
        #expect(decisions([Self.policy(match), Self.pod("default")])["Pod/default/web"] == .admit)
        #expect(decisions([Self.policy(equivalent), Self.pod("default")])["Pod/default/web"] == .deny)
    }
}
