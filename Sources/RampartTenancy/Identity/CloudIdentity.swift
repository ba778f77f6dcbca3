import RampartModel

/// A service account mapped to a cloud identity: an IAM role (EKS IRSA and Pod Identity), a Google
/// service account (GKE Workload Identity) or an Entra application (Azure Workload Identity). Pods
/// of the account act in the cloud as that identity.
public struct CloudIdentity: Sendable {
    /// `aws-iam-role arn:aws:iam::…`: the provider's kind of identity and its name.
    public let identity: String
    /// The account's namespace and name.
    public let namespace: String
    public let account: String
    /// The object that maps it (the ServiceAccount, or a PodIdentityAssociation) and the field.
    public let object: KubeObject
    public let path: FieldPath

    /// `ServiceAccount payments/api`.
    public var label: String { "ServiceAccount \(namespace)/\(account)" }

    /// The service-account annotations that map an account to a cloud identity, with what they name.
    public static let annotations: [(key: String, kind: String)] = [
        ("eks.amazonaws.com/role-arn", "IAM role"),
        ("iam.gke.io/gcp-service-account", "Google service account"),
        ("azure.workload.identity/client-id", "Entra application"),
    ]

    /// Every mapping in `inventory`, in input order.
    public static func all(in inventory: Inventory) -> [CloudIdentity] {
        var identities: [CloudIdentity] = []
        for account in inventory.objects(ofKind: ResourceKind.serviceAccounts.kind, group: "") {
            let values = account.annotations
            for (key, kind) in annotations {
                guard let value = values[key], !value.isEmpty else { continue }
                identities.append(CloudIdentity(identity: "\(kind) \(value)", namespace: account.namespace ?? "default", account: account.name,
                                                object: account, path: FieldPath("metadata.annotations").appending(key)))
            }
        }
        let associations = ResourceKind.podIdentityAssociations
        for association in inventory.objects(ofKind: associations.kind, group: associations.group) {
            guard let spec = association.root["spec"], let role = spec["roleARN"]?.string, let namespace = spec["namespace"]?.string,
                  let account = spec["serviceAccount"]?.string else { continue }
            identities.append(CloudIdentity(identity: "IAM role \(role)", namespace: namespace, account: account,
                                            object: association, path: "spec.roleARN"))
        }
        return identities
    }
}
