import RampartPolicy

/// Where the webhook learns a namespace's settings (mode, labels, Pod Security level, whether owners'
/// annotations count). The configuration file is one source; a tenancy file (a tenant's namespaces
/// get the tenant's policy) is another. The first source that knows a namespace wins.
public protocol NamespacePolicySource: Sendable {
    func admission(for namespace: String) -> NamespaceAdmission?
}

extension WebhookConfig: NamespacePolicySource {
    public func admission(for namespace: String) -> NamespaceAdmission? {
        settings(for: namespace)
    }
}
