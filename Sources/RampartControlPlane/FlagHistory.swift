/// Flags and admission plugins that Kubernetes removed: given to a newer component, they stop it from
/// starting (`unknown flag`, `unknown admission plugin`). The versions come from the upstream changelogs.
public enum FlagHistory {
    /// A flag of a component, and the release that removed it.
    public struct Removal: Sendable {
        public var component: ComponentKind
        public var flag: String
        public var removedIn: KubernetesVersion
        /// What happened before removal.
        public var note: String
    }

    public static let removedFlags: [Removal] = [
        Removal(component: .apiServer, flag: "insecure-port", removedIn: .v1(24),
                note: "insecure serving was removed in 1.20 (only 0 was accepted from then on)"),
        Removal(component: .apiServer, flag: "insecure-bind-address", removedIn: .v1(24), note: "without effect since 1.20"),
        Removal(component: .apiServer, flag: "address", removedIn: .v1(24), note: "without effect since 1.20"),
        Removal(component: .apiServer, flag: "port", removedIn: .v1(24), note: "only 0 was accepted since 1.20"),
        Removal(component: .apiServer, flag: "kubelet-https", removedIn: .v1(22),
                note: "connections to kubelets use HTTPS unconditionally since 1.19"),
        Removal(component: .apiServer, flag: "basic-auth-file", removedIn: .v1(19), note: "static passwords were deprecated in 1.16"),
        Removal(component: .controllerManager, flag: "address", removedIn: .v1(24), note: "without effect since 1.20"),
        Removal(component: .controllerManager, flag: "port", removedIn: .v1(24), note: "without effect since 1.20"),
    ]

    /// Admission plugins that were removed, with the release that removed them.
    public static let removedAdmissionPlugins: [String: (removedIn: KubernetesVersion, note: String)] = [
        "PodSecurityPolicy": (.v1(25), "PodSecurityPolicy was deprecated in 1.21; the PodSecurity plugin replaces it"),
    ]

    /// Feature gates that were removed (an unknown gate stops the component), with the release.
    public static let removedFeatureGates: [String: KubernetesVersion] = [
        "PodSecurity": .v1(28),
        "DynamicKubeletConfig": .v1(26),
    ]

    /// The release that the rules assume when a component's image tag carries no version.
    public static var assumedVersion: KubernetesVersion { .v1(SupportWindow.newestMinor) }
}
