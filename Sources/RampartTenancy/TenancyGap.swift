import RampartModel
import RampartPSS

/// A gap in a tenant's isolation: one case per kind, each carrying where the finding goes (`Site`)
/// and the parts of its message. The `tenancy.*` rule of the kind words the finding and holds the
/// ID; the engine never names a rule.
public enum TenancyGap: Sendable {
    /// The tenant achieves less isolation than it requires; `failing` are the layers that fail.
    case isolationNotMet(Site, required: IsolationLevel, achieved: IsolationLevel, failing: [TenancyLayer], origin: String)
    /// A service account of the tenant can `permissions` in `target` (a namespace, perhaps another
    /// tenant's, or cluster-wide); `grants` are the role rules that allow it.
    case crossTenantAccess(Site, subject: String, permissions: String, target: String, grants: [String])
    /// A subject outside the tenant (`who`: what a group that spans every tenant is) can
    /// `permissions` in `namespace` of the tenant, or cluster-wide when nil.
    case outsideAccess(Site, subject: String, who: String?, permissions: String, namespace: String?, grants: [String])
    /// Pods of other tenants' namespaces (`sources`) can connect to the tenant's namespace `toNamespace`.
    case crossTenantTraffic(Site, toNamespace: String, sources: CrossTenantFlows)
    /// `workload` of an untrusted tenant can reach the cloud metadata `address`.
    case metadataEgress(Site, workload: String, address: String)
    /// `workload` of an untrusted tenant can open connections to the API server at `address`
    /// (`how`: by the network policies, or from the host network).
    case apiServerEgress(Site, workload: String, address: String, how: String)
    /// `workload` of a tenant that needs `required` isolation may share nodes: `problem` says how.
    case sharedNodes(Site, workload: String, required: IsolationLevel, problem: String)
    /// `workload` of a tenant that needs hard isolation runs without a sandboxed runtime.
    case unsandboxedUntrustedCode(Site, workload: String)
    /// `workload` of an untrusted tenant runs unsandboxed in the node's user namespace (no `hostUsers: false`).
    case hostUserNamespace(Site, workload: String)
    /// `namespace` enforces `enforced`; the tenant's `required` isolation needs `needed`.
    case podSecurityBelowProfile(Site, namespace: String, enforced: PolicyLevel, required: IsolationLevel, needed: PolicyLevel)
    /// `namespace` of a tenant that requires mesh mutual TLS is not covered by it in STRICT mode.
    case meshMTLSNotStrict(Site, namespace: String)
    /// The quotas of `namespace` leave `unbounded` (`cpu`, `memory`, `load balancers`…) unbounded.
    case quotaIncomplete(Site, namespace: String, unbounded: [String])
    /// The tenant's `namespace` is claimed by `first` too, whose it is judged to be.
    case namespaceClaimedTwice(Site, namespace: String, first: Claimant)
    /// No FlowSchema in effect matches the service accounts of the tenant (`schema` nil), or the one that
    /// does (`schema`) puts them in priority level `level`, which does not bound them (`why`).
    case noFlowSchema(Site, schema: String?, level: String?, why: String?)
    /// `host` is routed to the tenant by the object at the site and to tenant `other` by `otherObject`.
    case hostClaimedTwice(Site, host: String, other: String, otherObject: String)
    /// `what` (a workload on the host network or with host ports, or a node-port Service) of the tenant
    /// listens on nodes with public addresses (`nodes`).
    case publicNodeExposure(Site, what: String, nodes: [String])
    /// The tenant's service account at the site and one of tenant `other`'s (`otherAccount`) are
    /// mapped to the one cloud `identity`.
    case sharedCloudIdentity(Site, identity: String, other: String, otherAccount: String)
    /// A cluster-wide secret store that the tenant and `others` can all read through.
    case sharedSecretStore(Site, store: String, others: [String])

    /// The kinds of gap, one per `tenancy.*` rule.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case isolationNotMet, crossTenantAccess, outsideAccess, crossTenantTraffic, metadataEgress, apiServerEgress, sharedNodes,
             unsandboxedUntrustedCode, hostUserNamespace, podSecurityBelowProfile, meshMTLSNotStrict, quotaIncomplete, namespaceClaimedTwice,
             noFlowSchema, hostClaimedTwice, publicNodeExposure, sharedCloudIdentity, sharedSecretStore
    }

    /// Where a gap's finding goes: the tenant, the object and the field.
    public struct Site: Sendable {
        public var tenant: String
        public var object: KubeObject
        public var path: FieldPath

        public init(tenant: String, object: KubeObject, path: FieldPath) {
            self.tenant = tenant
            self.object = object
            self.path = path
        }
    }

    /// Who a namespace claimed twice goes to: the platform, or the tenant that claimed it first.
    public enum Claimant: Sendable, Hashable {
        case platform
        case tenant(String)
    }

    public var kind: Kind {
        switch self {
        case .isolationNotMet: .isolationNotMet
        case .crossTenantAccess: .crossTenantAccess
        case .outsideAccess: .outsideAccess
        case .crossTenantTraffic: .crossTenantTraffic
        case .metadataEgress: .metadataEgress
        case .apiServerEgress: .apiServerEgress
        case .sharedNodes: .sharedNodes
        case .unsandboxedUntrustedCode: .unsandboxedUntrustedCode
        case .hostUserNamespace: .hostUserNamespace
        case .podSecurityBelowProfile: .podSecurityBelowProfile
        case .meshMTLSNotStrict: .meshMTLSNotStrict
        case .quotaIncomplete: .quotaIncomplete
        case .namespaceClaimedTwice: .namespaceClaimedTwice
        case .noFlowSchema: .noFlowSchema
        case .hostClaimedTwice: .hostClaimedTwice
        case .publicNodeExposure: .publicNodeExposure
        case .sharedCloudIdentity: .sharedCloudIdentity
        case .sharedSecretStore: .sharedSecretStore
        }
    }

    public var site: Site {
        switch self {
        case .isolationNotMet(let site, _, _, _, _), .crossTenantAccess(let site, _, _, _, _), .outsideAccess(let site, _, _, _, _, _),
             .crossTenantTraffic(let site, _, _), .metadataEgress(let site, _, _), .apiServerEgress(let site, _, _, _), .sharedNodes(let site, _, _, _),
             .unsandboxedUntrustedCode(let site, _), .hostUserNamespace(let site, _), .podSecurityBelowProfile(let site, _, _, _, _), .meshMTLSNotStrict(let site, _),
             .quotaIncomplete(let site, _, _), .namespaceClaimedTwice(let site, _, _), .noFlowSchema(let site, _, _, _),
             .hostClaimedTwice(let site, _, _, _), .publicNodeExposure(let site, _, _), .sharedCloudIdentity(let site, _, _, _),
             .sharedSecretStore(let site, _, _):
            site
        }
    }

    /// The tenant whose isolation has the gap.
    public var tenant: String { site.tenant }
}
