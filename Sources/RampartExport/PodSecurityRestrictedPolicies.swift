/// The restricted-only Pod Security checks in CEL, by upstream check ID, each in force where
/// `PodSecurityModes` says (the CEL forms of `Sources/RampartPSS/Checks`).
enum PodSecurityRestrictedPolicies {
    private static let field = CELFields.field
    private static let podContext = "variables.podSecurityContext"
    private static let notWindows = " && " + PodSecurityModes.notWindowsSince25
    private static let notUserNamespace = " && " + PodSecurityModes.notUserNamespaceSince35

    static let checks: [String: PodValidation] = [
        "allowPrivilegeEscalation": PodValidation.containers(
            failing: "\(field("c", "securityContext.allowPrivilegeEscalation")) != false",
            field: "containers[].securityContext.allowPrivilegeEscalation", problem: "must set securityContext.allowPrivilegeEscalation=false")
            .when(PodSecurityModes.restricted(since: 8) + notWindows),
        "capabilities_restricted": PodValidation.containers(
            failing: """
                !\(CELFields.list("c", "securityContext.capabilities.drop")).exists(d, d == 'ALL') \
                || \(CELFields.list("c", "securityContext.capabilities.add")).exists(a, a != 'NET_BIND_SERVICE')
                """,
            field: "containers[].securityContext.capabilities",
            problem: "must drop ALL capabilities and add none but NET_BIND_SERVICE")
            .when(PodSecurityModes.restricted(since: 22) + notWindows),
        "procMount_restricted": PodSecurityBaselinePolicies.procMount.when(PodSecurityModes.restricted(since: 35)),
        "restrictedVolumes": PodValidation(
            expression: "!\(volumes).exists(v, \(restrictedVolume))",
            field: "volumes[]",
            detail: "'volumes of restricted types ' + \(volumes).filter(v, \(restrictedVolume)).map(v, \(CELFields.name("v"))).join(', ')")
            .when(PodSecurityModes.restricted()),
        "runAsNonRoot": PodValidation(
            expression: "!(\(runAsNonRoot))",
            field: "securityContext.runAsNonRoot",
            detail: "'pod or containers must set securityContext.runAsNonRoot=true and none may set it to false'")
            .when(PodSecurityModes.restricted() + notUserNamespace),
        "runAsUser": PodValidation.podOrContainers(
            pod: "\(field(podContext, "runAsUser")) == 0", containers: "\(field("c", "securityContext.runAsUser")) == 0",
            field: "securityContext.runAsUser", problem: "must not set runAsUser=0")
            .when(PodSecurityModes.restricted(since: 23) + notUserNamespace),
        "seccompProfile_restricted": PodValidation(
            expression: """
                !(\(PodSecurityBaselinePolicies.seccompPodBad)) && !variables.containers.exists(c, \(PodSecurityBaselinePolicies.seccompContainerBad)) \
                && (\(podSeccompValid) || !variables.containers.exists(c, \(containerSeccomp) == null))
                """,
            field: "securityContext.seccompProfile.type",
            detail: "'pod or every container must set securityContext.seccompProfile.type to RuntimeDefault or Localhost'")
            .when(PodSecurityModes.restricted(since: 19) + notWindows),
    ]

    private static let volumes = CELFields.list("variables.podSpec", "volumes")

    /// A volume with no allowed source and a restricted one (a volume without any source is an emptyDir).
    private static let restrictedVolume = """
        type(v) == map && !v.exists(k, v[k] != null && k in \(CELFields.strings(allowedVolumeSources))) \
        && v.exists(k, v[k] != null && k in \(CELFields.strings(restrictedVolumeSources)))
        """

    private static let allowedVolumeSources = [
        "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "image", "persistentVolumeClaim", "projected", "secret",
    ]

    private static let restrictedVolumeSources = [
        "hostPath", "gcePersistentDisk", "awsElasticBlockStore", "gitRepo", "nfs", "iscsi", "glusterfs", "rbd",
        "flexVolume", "cinder", "cephfs", "flocker", "fc", "azureFile", "vsphereVolume", "quobyte", "azureDisk",
        "photonPersistentDisk", "portworxVolume", "scaleIO", "storageos",
    ]

    /// Nobody sets `runAsNonRoot: false`, and the pod or else every container sets it true.
    private static let runAsNonRoot = """
        \(field(podContext, "runAsNonRoot")) == false || variables.containers.exists(c, \(field("c", "securityContext.runAsNonRoot")) == false) \
        || \(field(podContext, "runAsNonRoot")) != true && variables.containers.exists(c, type(\(field("c", "securityContext.runAsNonRoot"))) != bool)
        """

    private static let containerSeccomp = field("c", "securityContext.seccompProfile")
    private static let podSeccompValid = "\(field(podContext, "seccompProfile.type")) in ['RuntimeDefault', 'Localhost']"
}
