/// The PodSecurity rule family, in catalog order: the namespace rule, then one rule per upstream
/// Pod Security Standards check (baseline checks, then restricted-only checks).
public enum PodSecurityRules {
    public static let all: [any Rule] = [PssNamespaceNotEnforced()] + checkRules

    /// One rule per upstream check.
    static let checkRules: [PodSecurityCheckRule] = [
        .privileged,
        .hostNamespaces,
        .hostPathVolumes,
        .hostPorts,
        .hostProbesAndHostLifecycle,
        .appArmorProfile,
        .capabilitiesBaseline,
        .seLinuxOptions,
        .procMount,
        .seccompProfileBaseline,
        .sysctls,
        .windowsHostProcess,
        .allowPrivilegeEscalation,
        .capabilitiesRestricted,
        .procMountRestricted,
        .restrictedVolumes,
        .runAsNonRoot,
        .runAsUser,
        .seccompProfileRestricted,
    ]
}
