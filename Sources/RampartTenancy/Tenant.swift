import RampartModel

/// A tenant resolved against the inventory: its spec and the namespaces it has there.
public struct Tenant: Sendable {
    public var spec: TenantSpec
    /// The namespaces of the inventory that belong to the tenant, sorted.
    public var namespaces: [String]

    public var name: String { spec.name }
}
