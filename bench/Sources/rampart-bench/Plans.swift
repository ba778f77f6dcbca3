/// A namespace being filled, and how carefully its owners configure it.
struct NamespacePlan {
    var name: String
    var tenant: String
    var trusted: Bool
    /// Careful owners set full security contexts, quotas and default-deny policies.
    var careful: Bool
}

/// Misconfigurations the generator plants in a workload.
enum Fault: CaseIterable {
    case privileged, runAsRoot, hostNetwork, hostPID, hostPath, hostPort
    case latestTag, untagged, noLimits, literalPassword, addSysAdmin, privilegeEscalation
    case defaultServiceAccount, automountToken
}

/// One application: a workload and the objects around it.
struct AppPlan {
    var name: String
    var namespace: NamespacePlan
    var faults: Set<Fault>
    /// The dedicated service account, or nil to run as `default`.
    var serviceAccount: String?
    var configMap: String?
    var secret: String?
    var port: Int
    /// A Service type decided up front; nil lets the generator draw one.
    var serviceType: String?

    func has(_ fault: Fault) -> Bool { faults.contains(fault) }
}
