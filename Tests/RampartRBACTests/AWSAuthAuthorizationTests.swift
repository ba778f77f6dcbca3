import RampartModel
import RampartRBAC
import Testing
import TestSupport

/// can-i and who-can on EKS: an IAM principal of `aws-auth` is authorized as the identity it maps to.
@Suite struct AWSAuthAuthorizationTests {
    static let developers = AWSAuthTests.awsAuth + EscalationTests.grant(
        "devs", rule: "{apiGroups: [\"\"], resources: [pods], verbs: [get, list]}",
        to: "{apiGroup: rbac.authorization.k8s.io, kind: Group, name: eks-developers}", namespace: "shop")
    static let dev = "arn:aws:iam::111122223333:user/dev"
    static let ops = "arn:aws:iam::111122223333:role/ops"

    func policy(_ yaml: String) -> (RBACPolicy, AWSAuthMappings) {
        let inventory = Fixtures.inventory(yaml)
        return (RBACPolicy(inventory: inventory), AWSAuthMappings(inventory))
    }

    @Test func aMappedPrincipalHasItsGroupsPower() throws {
        let (policy, awsAuth) = policy(Self.developers)
        let list = AccessRequest.resource("list", "pods", namespace: "shop")
        let (decision, mapping) = policy.authorize(RequestUser(name: Self.dev), list, mappedBy: awsAuth)
        #expect(decision.allowed)
        #expect(decision.via.map(\.subject) == [Subject(kind: .group, name: "eks-developers")])
        #expect(mapping == "User \(Self.dev) is mapped by ConfigMap kube-system/aws-auth (mapUsers) to User dev (groups eks-developers)")
        #expect(!policy.authorize(RequestUser(name: Self.dev), list).allowed, "without the mapping the ARN has no binding")
        #expect(policy.authorize(RequestUser(name: Self.ops), AccessRequest.resource("delete", "nodes"), mappedBy: awsAuth).decision.allowed,
                "mapped into system:masters")
        #expect(policy.authorize(RequestUser(name: "dev"), list, mappedBy: awsAuth).mapping == nil)
    }

    @Test func whoCanListsThePrincipalsWhoseMappingIsAllowed() {
        let (policy, awsAuth) = policy(Self.developers)
        let (review, mappings) = policy.subjects(allowedTo: AccessRequest.resource("list", "pods", namespace: "shop"), mappedBy: awsAuth)
        #expect(review.subjects.filter { $0.name.hasPrefix("arn:") }.map(\.name) == [Self.ops, Self.dev].sorted())
        #expect(review.subjects.contains(Subject(kind: .group, name: "eks-developers")))
        #expect(mappings.count == 2 && mappings.allSatisfy { $0.hasSuffix(", which is allowed") })
        let (elsewhere, _) = policy.subjects(allowedTo: AccessRequest.resource("list", "pods", namespace: "other"), mappedBy: awsAuth)
        #expect(elsewhere.subjects.filter { $0.name.hasPrefix("arn:") }.map(\.name) == [Self.ops])
    }
}
