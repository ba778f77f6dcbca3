import RampartControlPlane

extension AuditContext {
    /// The platform the inputs show (EKS, GKE, AKS, OpenShift or self-managed), found once per audit.
    var managedPlatform: ManagedPlatform {
        shared(ManagedPlatform.self) { ManagedPlatform($0) }
    }
}
