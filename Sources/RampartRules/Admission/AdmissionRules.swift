import RampartClusterAdmission
import RampartModel

/// The rules about the cluster's own admission (ValidatingAdmissionPolicies read from the inputs),
/// in catalog order.
public enum ClusterAdmissionRules {
    public static let all: [any Rule] = [
        AdmissionPolicyBroken(),
        AdmissionRejectedByClusterPolicy(),
    ]

    /// The kinds these rules read: the cluster's admission configuration (every object they judge
    /// is read by the rules about it).
    static let reads: Set<ResourceKind> = ClusterAdmission.reads
}

extension AuditContext {
    /// The cluster's validating admission policies, read once for all rules.
    var clusterAdmission: ClusterAdmission { shared(ClusterAdmission.self) { ClusterAdmission($0) } }
}
