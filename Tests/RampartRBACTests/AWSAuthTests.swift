import RampartModel
import RampartRBAC
import Testing
import TestSupport

/// EKS's `aws-auth` ConfigMap: IAM principals become subjects whose mapped groups carry their power.
@Suite struct AWSAuthTests {
    static let awsAuth = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: aws-auth, namespace: kube-system}
        data:
          mapRoles: |
            - rolearn: arn:aws:iam::111122223333:role/eks-nodes
              username: system:node:{{EC2PrivateDNSName}}
              groups:
                - system:bootstrappers
                - system:nodes
            # the break-glass role
            - rolearn: "arn:aws:iam::111122223333:role/ops"
              username: ops:{{SessionName}}
              groups: [system:masters]
          mapUsers: |
            - userarn: arn:aws:iam::111122223333:user/dev
              username: dev
              groups:
              - eks-developers
        ---

        """

    func paths(_ yaml: String, from arn: String) -> [EscalationPath] {
        let inventory = Fixtures.inventory(yaml)
        var analysis = EscalationAnalysis(policy: RBACPolicy(inventory: inventory), inventory: inventory)
        return analysis.clusterAdminPaths(from: [Subject(kind: .user, name: arn)])
    }

    @Test func aMappingToSystemMastersIsClusterAdmin() throws {
        let path = try #require(paths(Self.awsAuth, from: "arn:aws:iam::111122223333:role/ops").first)
        #expect(path.steps.map(\.technique) == [.awsAuth, .privilegedGroup])
        #expect(path.steps[0].to == "User ops:{{SessionName}} (groups system:masters)")
        #expect(path.steps[0].explanation.contains("kube-system/aws-auth (mapRoles)"))
    }

    @Test func mappedGroupsCarryTheirBindings() throws {
        let bound = Self.awsAuth + EscalationTests.grant("devs", rule: "{apiGroups: [\"*\"], resources: [\"*\"], verbs: [\"*\"]}",
                                                         to: "{apiGroup: rbac.authorization.k8s.io, kind: Group, name: eks-developers}")
        let path = try #require(paths(bound, from: "arn:aws:iam::111122223333:user/dev").first)
        #expect(path.steps.map(\.technique) == [.awsAuth, .clusterAdmin])
        #expect(paths(Self.awsAuth, from: "arn:aws:iam::111122223333:user/dev").isEmpty, "the group has no binding")
        #expect(paths(Self.awsAuth, from: "arn:aws:iam::111122223333:role/eks-nodes").isEmpty)
    }

    @Test func everyPrincipalIsAStart() {
        let inventory = Fixtures.inventory(Self.awsAuth)
        let analysis = EscalationAnalysis(policy: RBACPolicy(inventory: inventory), inventory: inventory)
        #expect(analysis.subjects.filter { $0.name.hasPrefix("arn:") }.map(\.name)
                == ["arn:aws:iam::111122223333:role/eks-nodes", "arn:aws:iam::111122223333:role/ops", "arn:aws:iam::111122223333:user/dev"])
    }
}
