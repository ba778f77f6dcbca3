import RampartModel

/// One tenant as declared in a tenancy file or inferred from the cluster.
public struct TenantSpec: Sendable {
    public var name: String
    public var namespaces: NamespaceMatcher
    public var trust: Trust
    /// Runs code nobody audited (notebooks, customer builds, plugins).
    public var untrustedCode: Bool
    /// Compliance tags such as `pci-dss` or `hipaa`.
    public var compliance: [String]
    /// The node labels of the tenant's dedicated node pool, if it has one.
    public var nodePool: LabelSelector?
    /// The isolation declared for the tenant; nil: the profile's default.
    public var declaredIsolation: IsolationLevel?
    /// The tenant's traffic must be mutual TLS (a mesh in STRICT mode).
    public var requireMeshMTLS: Bool
    /// The registries the tenant's images may come from (`registry.example.com/team-a`), narrowing
    /// the configuration's allow-list (an image must be allowed by both); empty: the configuration's alone.
    public var registries: [String]
    /// How the tenant was found: `tenancy.yaml:12`, `namespace label rampart.dev/tenant=search`…
    public var origin: String

    public init(name: String, namespaces: NamespaceMatcher, trust: Trust = .trusted, untrustedCode: Bool = false,
                compliance: [String] = [], nodePool: LabelSelector? = nil, declaredIsolation: IsolationLevel? = nil,
                requireMeshMTLS: Bool = false, registries: [String] = [], origin: String) {
        self.name = name
        self.namespaces = namespaces
        self.trust = trust
        self.untrustedCode = untrustedCode
        self.compliance = compliance
        self.nodePool = nodePool
        self.declaredIsolation = declaredIsolation
        self.requireMeshMTLS = requireMeshMTLS
        self.registries = registries
        self.origin = origin
    }

    /// What the tenant's profile needs: untrusted tenants or untrusted code `hard`; regulated
    /// tenants (compliance tags) dedicated nodes, `soft-affinity`; trusted tenants `soft`.
    public var profileIsolation: IsolationLevel {
        if trust == .untrusted || untrustedCode { return .hard }
        if !compliance.isEmpty { return .softAffinity }
        return .soft
    }

    /// The isolation the tenant requires: the declared one, else the profile's.
    public var requiredIsolation: IsolationLevel { declaredIsolation ?? profileIsolation }

    /// True when the tenant runs code nobody audited or is not trusted.
    public var isUntrusted: Bool { trust == .untrusted || untrustedCode }
}

/// Who shares the cluster: the tenants, and the namespaces of the platform team.
public struct TenancyModel: Sendable {
    public var platformNamespaces: [String]
    public var tenants: [TenantSpec]
    /// Where the model comes from: a file name, or `inferred`.
    public var source: String

    public init(platformNamespaces: [String] = [], tenants: [TenantSpec] = [], source: String) {
        self.platformNamespaces = platformNamespaces
        self.tenants = tenants
        self.source = source
    }
}
