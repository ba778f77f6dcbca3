/// The baseline Pod Security checks in CEL, by upstream check ID, each in force where
/// `PodSecurityModes` says (the CEL forms of `Sources/RampartPSS/Checks`).
enum PodSecurityBaselinePolicies {
    private static let field = CELFields.field
    private static let podContext = "variables.podSecurityContext"

    static let checks: [String: PodValidation] = [
        "privileged": PodValidation.containers(
            failing: "\(field("c", "securityContext.privileged")) == true",
            field: "containers[].securityContext.privileged", problem: "must not set securityContext.privileged=true")
            .when(PodSecurityModes.baseline()),
        "hostNamespaces": PodValidation(
            expression: "!\(hostNamespaces).exists(k, variables.podSpec[k] == true)",
            field: "hostNetwork|hostPID|hostIPC",
            detail: "'shares the node\\'s ' + \(hostNamespaces).filter(k, variables.podSpec[k] == true).join(', ')")
            .when(PodSecurityModes.baseline()),
        "hostPorts": PodValidation.containers(
            failing: "\(CELFields.list("c", "ports")).exists(p, type(\(field("p", "hostPort"))) == int && p.hostPort != 0)",
            field: "containers[].ports[].hostPort", problem: "must not use host ports")
            .when(PodSecurityModes.baseline()),
        "hostPathVolumes": PodValidation(
            expression: "!\(volumes).exists(v, \(field("v", "hostPath")) != null)",
            field: "volumes[].hostPath",
            detail: "'hostPath volumes ' + \(volumes).filter(v, \(field("v", "hostPath")) != null).map(v, \(CELFields.name("v"))).join(', ')")
            .when(PodSecurityModes.baseline(replacedAtRestrictedFrom: 0)),
        "hostProbesAndHostLifecycle": PodValidation.containers(
            failing: "\(probeHosts).exists(h, \(CELFields.isScalar("h")) && h != '')",
            field: "containers[].{livenessProbe,readinessProbe,startupProbe,lifecycle.postStart,lifecycle.preStop}.{httpGet,tcpSocket}.host",
            problem: "must not send probes or lifecycle hooks to another host")
            .when(PodSecurityModes.baseline(since: 34)),
        "appArmorProfile": PodValidation(
            expression: "!(\(appArmorPod)) && !variables.containers.exists(c, \(appArmorContainer)) && !\(appArmorAnnotations)",
            field: "securityContext.appArmorProfile.type",
            detail: "\(PodValidation.setters(pod: appArmorPod, containers: appArmorContainer)) + ' or annotations set a forbidden AppArmor profile'")
            .when(PodSecurityModes.baseline()),
        "capabilities_baseline": PodValidation.containers(
            failing: "\(CELFields.list("c", "securityContext.capabilities.add")).exists(a, !(a in \(CELFields.strings(defaultCapabilities))))",
            field: "containers[].securityContext.capabilities.add", problem: "must not add capabilities beyond the runtime's defaults")
            .when(PodSecurityModes.baseline(replacedAtRestrictedFrom: 22)),
        "seLinuxOptions": PodValidation.podOrContainers(
            pod: seLinuxBad(podContext, "seLinuxOptions"),
            containers: seLinuxBad("c", "securityContext.seLinuxOptions"),
            field: "securityContext.seLinuxOptions", problem: "set a forbidden SELinux type, user or role")
            .when(PodSecurityModes.baseline()),
        "procMount": procMount
            .when(PodSecurityModes.baseline(replacedAtRestrictedFrom: 35) + " && " + PodSecurityModes.notUserNamespaceSince35),
        "seccompProfile_baseline": PodValidation(
            expression: "\(PodSecurityModes.minor) < 19 ? !\(seccompAnnotations) : !(\(seccompPodBad)) && !variables.containers.exists(c, \(seccompContainerBad))",
            field: "securityContext.seccompProfile.type",
            detail: """
                (\(PodSecurityModes.minor) < 19 ? 'seccomp annotations' : \(PodValidation.setters(pod: seccompPodBad, containers: seccompContainerBad))) \
                + ' set a seccomp profile other than RuntimeDefault or Localhost'
                """)
            .when(PodSecurityModes.baseline(replacedAtRestrictedFrom: 19)),
        "sysctls": PodValidation(
            expression: "!\(sysctls).exists(s, !(\(field("s", "name")) in \(allowedSysctls)))",
            field: "securityContext.sysctls[].name",
            detail: "'forbidden sysctls ' + \(sysctls).filter(s, !(\(field("s", "name")) in \(allowedSysctls))).map(s, \(CELFields.name("s"))).join(', ')")
            .when(PodSecurityModes.baseline()),
        "windowsHostProcess": PodValidation.podOrContainers(
            pod: "\(field(podContext, "windowsOptions.hostProcess")) == true",
            containers: "\(field("c", "securityContext.windowsOptions.hostProcess")) == true",
            field: "securityContext.windowsOptions.hostProcess", problem: "must not set windowsOptions.hostProcess=true")
            .when(PodSecurityModes.baseline()),
    ]

    private static let hostNamespaces = "['hostNetwork', 'hostPID', 'hostIPC'].filter(k, k in variables.podSpec)"
    private static let volumes = CELFields.list("variables.podSpec", "volumes")

    /// The hosts of every probe and lifecycle handler of container `c` (null where none is set).
    private static let probeHosts = "[" + ["livenessProbe", "readinessProbe", "startupProbe", "lifecycle.postStart", "lifecycle.preStop"]
        .flatMap { handler in ["httpGet", "tcpSocket"].map { field("c", "\(handler).\($0).host") } }.joined(separator: ", ") + "]"

    /// An AppArmor or seccomp profile at `base.path` is forbidden unless its type is `RuntimeDefault` or `Localhost`.
    private static func profileForbidden(_ base: String, _ path: String) -> String {
        "\(field(base, path)) != null && !(\(field(base, path + ".type")) in ['RuntimeDefault', 'Localhost'])"
    }

    private static let appArmorPod = profileForbidden(podContext, "appArmorProfile")
    private static let appArmorContainer = profileForbidden("c", "securityContext.appArmorProfile")
    private static let annotations = "(type(\(field("variables.podMetadata", "annotations"))) == map ? variables.podMetadata.annotations : {})"

    /// `container.apparmor.security.beta.kubernetes.io/*` annotations must be empty, `runtime/default` or `localhost/*`.
    private static let appArmorAnnotations = """
        \(annotations).exists(k, k.startsWith('container.apparmor.security.beta.kubernetes.io/') \
        && \(CELFields.isScalar("\(annotations)[k]")) && !(type(\(annotations)[k]) == string \
        && (\(annotations)[k] == '' || \(annotations)[k] == 'runtime/default' || \(annotations)[k].startsWith('localhost/'))))
        """

    /// The container runtime's default capabilities, which baseline lets containers add.
    private static let defaultCapabilities = [
        "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE",
        "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
    ]

    /// SELinux options are forbidden with a type outside the allowed ones (v1.31 added
    /// `container_engine_t`), or any user or role.
    private static func seLinuxBad(_ base: String, _ path: String) -> String {
        let options = field(base, path)
        let type = field(base, path + ".type"), user = field(base, path + ".user"), role = field(base, path + ".role")
        let allowed = "(\(PodSecurityModes.minor) >= 31 ? \(CELFields.strings(["", "container_t", "container_init_t", "container_kvm_t", "container_engine_t"])) "
            + ": \(CELFields.strings(["", "container_t", "container_init_t", "container_kvm_t"])))"
        return """
            \(options) != null && (\(CELFields.isScalar(type)) && !(\(type) in \(allowed)) \
            || \(CELFields.isScalar(user)) && \(user) != '' || \(CELFields.isScalar(role)) && \(role) != '')
            """
    }

    /// `securityContext.procMount` must be unset or `Default`; shared with `procMount_restricted`.
    static let procMount = PodValidation.containers(
        failing: "\(CELFields.isScalar(field("c", "securityContext.procMount"))) && c.securityContext.procMount != 'Default'",
        field: "containers[].securityContext.procMount", problem: "must not set securityContext.procMount other than Default")

    static let seccompPodBad = profileForbidden(podContext, "seccompProfile")
    static let seccompContainerBad = profileForbidden("c", "securityContext.seccompProfile")

    /// Before v1.19: the alpha annotations of the pod and of each container must be `runtime/default`,
    /// `docker/default` or `localhost/*`.
    private static let seccompAnnotations = """
        (['seccomp.security.alpha.kubernetes.io/pod'] + variables.containers.map(c, \
        'container.seccomp.security.alpha.kubernetes.io/' + \(CELFields.name("c")))).exists(k, k in \(annotations) \
        && type(\(annotations)[k]) != map && type(\(annotations)[k]) != list && !(type(\(annotations)[k]) == string \
        && (\(annotations)[k] in ['runtime/default', 'docker/default'] || \(annotations)[k].startsWith('localhost/'))))
        """

    private static let sysctls = CELFields.list(podContext, "sysctls")

    /// The safe sysctls, as the list grew in v1.27, v1.29, v1.32 and v1.37.
    private static let allowedSysctls = "(" + [
        (0, ["kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range",
             "net.ipv4.ip_unprivileged_port_start"]),
        (27, ["net.ipv4.ip_local_reserved_ports"]),
        (29, ["net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes"]),
        (32, ["net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem"]),
        (37, ["net.ipv4.tcp_slow_start_after_idle", "net.ipv4.tcp_notsent_lowat"]),
    ].map { since, names in since == 0 ? CELFields.strings(names) : "(\(PodSecurityModes.minor) >= \(since) ? \(CELFields.strings(names)) : [])" }
        .joined(separator: " + ") + ")"
}
