import RampartCEL
import RampartClusterAdmission
import RampartRBAC

/// The `authorizer` of admission expressions for a known requester, answered by RBAC among the
/// inputs as the API server's RBAC authorizer would (members of `system:masters` first; the Node and
/// webhook authorizers a cluster may chain before RBAC are not consulted).
enum AdmissionAuthorizer {
    static func rbac(_ policy: RBACPolicy) -> ClusterAdmission.Authorize {
        { user, check in
            let requester = check.serviceAccount.map {
                RequestUser(name: RequestUser.serviceAccountPrefix + "\($0.namespace):\($0.name)")
            } ?? RequestUser(name: user.name, groups: user.groups)
            let request = check.path.map { AccessRequest(verb: check.verb, target: .nonResource(path: $0)) }
                ?? .resource(check.verb, group: check.group, check.resource, subresource: check.subresource,
                             name: check.name, namespace: check.namespace)
            let decision = policy.authorize(requester, request)
            guard let grant = decision.via.first else { return CELAuthorizationDecision(allowed: false, reason: "") }
            guard let binding = grant.binding, let role = grant.role else {
                return CELAuthorizationDecision(allowed: true, reason: "member of \(RequestUser.privilegedGroup)")
            }
            return CELAuthorizationDecision(
                allowed: true, reason: "RBAC: allowed by \(binding) of \(role) to \(grant.subject.kind.rawValue) \(grant.subject.name)")
        }
    }
}
