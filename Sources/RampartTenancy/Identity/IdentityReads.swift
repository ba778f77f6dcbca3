import RampartModel

extension ResourceKind {
    /// EKS Pod Identity associations as AWS Controllers for Kubernetes declares them.
    public static let podIdentityAssociations = ResourceKind(group: "eks.services.k8s.aws", kind: "PodIdentityAssociation",
                                                             resource: "podidentityassociations")
    /// External Secrets Operator's stores and the secrets synchronised from them.
    public static let externalSecrets = ResourceKind(group: externalSecretsGroup, kind: "ExternalSecret", resource: "externalsecrets")
    public static let secretStores = ResourceKind(group: externalSecretsGroup, kind: "SecretStore", resource: "secretstores")
    public static let clusterSecretStores = ResourceKind(group: externalSecretsGroup, kind: "ClusterSecretStore",
                                                         resource: "clustersecretstores")
    /// Secrets Store CSI driver's providers, which mount secrets of an external store into pods.
    public static let secretProviderClasses = ResourceKind(group: "secrets-store.csi.x-k8s.io", kind: "SecretProviderClass",
                                                           resource: "secretproviderclasses")
    /// Sealed Secrets: Secrets encrypted for the cluster's controller, safe in a repository.
    public static let sealedSecrets = ResourceKind(group: "bitnami.com", kind: "SealedSecret", resource: "sealedsecrets")

    /// External Secrets Operator's group.
    public static let externalSecretsGroup = "external-secrets.io"

    /// The kinds that bring secrets from outside the cluster's own Secrets, by namespace.
    public static let externalSecretSources: [ResourceKind] = [externalSecrets, secretStores, secretProviderClasses, sealedSecrets]
}
