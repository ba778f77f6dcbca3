/// The control-plane and node rule family, in catalog order: API server, controller manager and scheduler
/// flags (`controlplane.*`), etcd (`etcd.*`), KubeletConfiguration (`kubelet.*`), Node objects (`node.*`).
/// CIS numbers are those of the CIS Kubernetes Benchmark v1.10 (the same in v1.9 for these checks).
/// The configuration is recognised by content (see `RampartControlPlane.ControlPlane`).
public enum ControlPlaneRules {
    public static let all: [any Rule] = [
        // API server: authentication and authorization
        ControlPlaneAnonymousAuth(),
        ControlPlaneTokenAuthFile(),
        ControlPlaneJWTIdentityCollision(),
        ControlPlaneAuthorizationAlwaysAllow(),
        ControlPlaneAuthorizationNodeRBAC(),
        ControlPlaneInsecurePort(),
        // API server: API Priority and Fairness
        ControlPlanePriorityAndFairnessDisabled(),
        // API server: admission
        ControlPlaneAdmissionAlwaysAdmit(),
        ControlPlaneAdmissionNodeRestriction(),
        ControlPlaneAdmissionPluginsDisabled(),
        ControlPlaneAdmissionAlwaysPullImages(),
        ControlPlaneAdmissionDenyExternalIPs(),
        ControlPlaneAdmissionEventRateLimit(),
        ControlPlanePodSecurityDefaultPrivileged(),
        ControlPlanePodSecurityExemptions(),
        // API server: audit
        ControlPlaneAuditLogPath(),
        ControlPlaneAuditPolicyFile(),
        ControlPlaneAuditLogRetention(),
        ControlPlaneAuditSecretBodies(),
        ControlPlaneAuditSecretsUnrecorded(),
        ControlPlaneAuditChangesUnrecorded(),
        // API server: encryption at rest
        ControlPlaneEncryptionProviderConfig(),
        ControlPlaneEncryptionSecretsPlaintext(),
        ControlPlaneEncryptionWeakProvider(),
        // API server: TLS and service-account tokens
        ControlPlaneServingTLS(),
        ControlPlaneKubeletClientTLS(),
        ControlPlaneEtcdClientTLS(),
        ControlPlaneWeakTLS(),
        ControlPlaneServiceAccountLookup(),
        ControlPlaneServiceAccountSigning(),
        // Controller manager and scheduler
        ControlPlaneProfiling(),
        ControlPlaneServiceAccountCredentials(),
        ControlPlaneControllerManagerKeys(),
        ControlPlaneBindAddress(),
        // Versions and kubeconfigs
        ControlPlaneRemovedFlags(),
        ControlPlaneEndOfLife(),
        ControlPlaneProviderOwned(),
        ControlPlaneKubeconfigStaticCredentials(),
        ControlPlaneKubeconfigInsecureTLS(),
        // etcd
        EtcdClientCertAuth(),
        EtcdPeerClientCertAuth(),
        EtcdAutoTLS(),
        EtcdTLSFiles(),
        // Kubelet
        KubeletAnonymousAuth(),
        KubeletWebhookAuthorization(),
        KubeletClientCA(),
        KubeletReadOnlyPort(),
        KubeletProtectKernelDefaults(),
        KubeletEventQPS(),
        KubeletRotateCertificates(),
        KubeletWeakTLS(),
        KubeletPodPidsLimit(),
        // Nodes
        NodeGeneralPurposeOS(),
        NodeEndOfLifeKubelet(),
        NodeVersionSkew(),
    ]
}
