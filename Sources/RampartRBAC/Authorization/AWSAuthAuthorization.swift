/// can-i and who-can on EKS: an IAM principal that `aws-auth` maps reaches the authorizer as the
/// user name and groups it is mapped to, never as its ARN.
extension RBACPolicy {
    /// The decision for `user` as EKS authorizes it: when its name is an IAM principal `awsAuth`
    /// maps, the mapped user with the mapped groups and `user`'s own groups; with the sentence that
    /// says so (nil when the name is not mapped).
    public func authorize(_ user: RequestUser, _ request: AccessRequest, mappedBy awsAuth: AWSAuthMappings) -> (decision: Decision, mapping: String?) {
        guard let mapping = user.name.flatMap({ awsAuth.byARN[$0] }) else { return (authorize(user, request), nil) }
        let groups = Set(mapping.user.groups).union(user.groups)
        return (authorize(RequestUser(name: mapping.user.name, sortedGroups: groups), request), mapping.sentence)
    }

    /// Every subject allowed to make `request` (see `subjects(allowedTo:)`), and the IAM principals
    /// whose mapped identity is allowed, as users named by their ARN; with one sentence per such
    /// principal. Their grants are those of the mapped user's and groups' bindings, already in `via`
    /// when a binding names them.
    public func subjects(allowedTo request: AccessRequest, mappedBy awsAuth: AWSAuthMappings) -> (review: AccessReview, mappings: [String]) {
        var review = subjects(allowedTo: request)
        var sentences: [String] = []
        for arn in awsAuth.byARN.keys.sorted() {
            guard let mapping = awsAuth.byARN[arn], authorize(mapping.user, request).allowed else { continue }
            review.subjects.append(Subject(kind: .user, name: arn))
            sentences.append(mapping.sentence + ", which is allowed")
        }
        review.subjects.sort()
        return (review, sentences)
    }
}

extension AWSAuthMappings.Mapping {
    /// `User arn:…:role/ops is mapped by ConfigMap kube-system/aws-auth (mapRoles) to User ops (groups system:masters)`.
    var sentence: String {
        "User \(arn) is mapped by ConfigMap \(AWSAuthMappings.namespace)/\(AWSAuthMappings.name) (\(field)) to \(user.identityDescription)"
    }
}
