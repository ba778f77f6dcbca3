import RampartClusterAdmission
import RampartModel
import RampartNetwork
import RampartRBAC

/// Who owns each namespace, and the engines' analyses, shared by every layer of every tenant.
struct TenancyContext: Sendable {
    /// What a namespace is to the tenancy model.
    enum Owner: Equatable {
        case platform
        case tenant(String)
        /// Neither the platform's nor a known tenant's.
        case unassigned
    }

    let inventory: Inventory
    let tenants: [Tenant]
    let platform: Set<String>
    let ownerOfNamespace: [String: String]
    /// The RBAC policy with its bindings indexed for tenant boundaries.
    let boundaries: BoundaryIndex
    /// The ClusterRoleBindings' inbound crossings, sorted out once for every tenant.
    let clusterInbound: ClusterInboundCrossings
    let network: NetworkAnalysis
    let placement: Placement
    /// Where every pod-bearing object may run, by namespace.
    let placements: NamespaceIndex<Placement.PodPlacement>
    /// The positions in `placements` of the pods that may run on each node.
    let placementsOnNode: [String: [Int]]
    /// The top-level pod templates by namespace.
    let podsByNamespace: NamespaceIndex<PodTemplate>
    /// ResourceQuotas, LimitRanges, Ingresses and Secrets by namespace.
    let quotas: NamespaceIndex<KubeObject>
    let limitRanges: NamespaceIndex<KubeObject>
    let ingresses: NamespaceIndex<KubeObject>
    let secrets: NamespaceIndex<KubeObject>
    private let tenantsByName: [String: Tenant]
    /// Namespace-to-namespace reachability (the network engine's), read namespace by namespace.
    let reachability: NamespaceReachability
    /// By position in `reachability.names`: the index in `tenants` of the tenant owning the
    /// namespace, -1 when none does.
    let tenantOfReachable: [Int]
    /// The tenants' names, in the order of `tenants`.
    let tenantNames: [String]
    /// Allowed connections between workloads and addresses outside the cluster.
    let externalConnections: [ListedConnection]
    /// Indexes built once, so per-tenant layers never scan the whole cluster.
    let externalConnectionsByNamespace: [String: [ListedConnection]]
    /// The object a workload's findings go on: its top-level object (the Deployment, not its
    /// ReplicaSets or Pods), whatever the input order.
    let objectOfWorkload: [WorkloadID: KubeObject]
    /// The policies that deny each direction by default for a whole namespace (any tier).
    let defaultDenyPolicies: [TrafficDirection: [String: [CompiledPolicy]]]
    /// What enforces each control at admission, namespace by namespace.
    let admission: AdmissionCoverage
    /// Hostnames, references, snippets and public nodes at the edge of the cluster.
    let edge: EdgeFacts
    /// Cloud identities of service accounts and the external secret stores tenants read through.
    let identity: IdentityFacts
    /// The CNI's encryption of traffic between nodes, if configured.
    let cniEncryption: CNIEncryption?
    /// The API server's addresses and ports (egress to it, per tenant).
    let apiServer: APIServerEndpoints
    private let anchors: Anchors

    /// `anchors`: `Anchors(inventory)`, when the caller has it already.
    init(inventory: Inventory, tenants: [Tenant], platform: Set<String>, network: NetworkAnalysis, rbac: RBACPolicy,
         anchors: Anchors? = nil) {
        self.inventory = inventory
        self.tenants = tenants
        self.platform = platform
        var owners: [String: String] = [:]
        for tenant in tenants {
            for namespace in tenant.namespaces where owners[namespace] == nil { owners[namespace] = tenant.name }
        }
        ownerOfNamespace = owners
        tenantsByName = Dictionary(tenants.map { ($0.name, $0) }) { first, _ in first }
        // The network's flows (the longest part) are worked out beside the bindings' index, the
        // admission, edge and identity facts and the pods' placements, which need nothing of them.
        let (flows, facts) = Parallel.both({
            (reachability: network.reachabilityByNamespace(), external: network.externalConnections())
        }, {
            (boundaries: BoundaryIndex(rbac), admission: AdmissionCoverage(inventory), edge: EdgeFacts(inventory),
             identity: IdentityFacts(inventory), placement: Self.placements(inventory))
        })
        let boundaries = facts.boundaries
        self.boundaries = boundaries
        clusterInbound = ClusterInboundCrossings(boundaries)
        self.network = network
        placement = facts.placement.placement
        placements = facts.placement.placements
        placementsOnNode = facts.placement.onNode
        podsByNamespace = NamespaceIndex(inventory.topLevelPodTemplates) { $0.namespace }
        quotas = NamespaceIndex(inventory.objects(ofKind: "ResourceQuota", group: "")) { $0.namespace }
        limitRanges = NamespaceIndex(inventory.objects(ofKind: "LimitRange", group: "")) { $0.namespace }
        ingresses = NamespaceIndex(inventory.objects(ofKind: "Ingress", group: "networking.k8s.io")) { $0.namespace }
        secrets = NamespaceIndex(inventory.objects(ofKind: "Secret", group: "")) { $0.namespace ?? "default" }
        reachability = flows.reachability
        let indexOfTenant = Dictionary(tenants.enumerated().map { ($1.name, $0) }) { first, _ in first }
        tenantOfReachable = reachability.names.map { owners[$0].flatMap { indexOfTenant[$0] } ?? -1 }
        tenantNames = tenants.map(\.name)
        externalConnections = flows.external
        var external: [String: [ListedConnection]] = [:]
        for connection in externalConnections {
            for peer in [connection.from, connection.to] {
                if case .workload(let workload) = peer { external[workload.namespace, default: []].append(connection) }
            }
        }
        externalConnectionsByNamespace = external
        let anchors = anchors ?? Anchors(inventory)
        let controlled = anchors.controlled
        var objects: [WorkloadID: KubeObject] = [:]
        var fallback: [WorkloadID: KubeObject] = [:]
        for pod in network.pods {
            if controlled.contains(ObjectIdentifier(pod.object)) {
                if fallback[pod.workload] == nil { fallback[pod.workload] = pod.object }
            } else if objects[pod.workload] == nil {
                objects[pod.workload] = pod.object
            }
        }
        objectOfWorkload = objects.merging(fallback) { top, _ in top }
        defaultDenyPolicies = Dictionary(uniqueKeysWithValues: TrafficDirection.allCases.map { ($0, network.defaultDenyPolicies($0)) })
        self.anchors = anchors
        admission = facts.admission
        edge = facts.edge
        identity = facts.identity
        cniEncryption = CNIEncryption(inventory)
        apiServer = APIServerEndpoints(inventory)
    }

    /// Where every pod-bearing object may run (its top-level object), by namespace, and the
    /// positions of those that may run on each node.
    private static func placements(_ inventory: Inventory)
        -> (placement: Placement, placements: NamespaceIndex<Placement.PodPlacement>, onNode: [String: [Int]]) {
        let placement = Placement(inventory)
        let placements = inventory.topLevelPodTemplates.filter { $0.object.kind != "PodTemplate" }.map(placement.place)
        var onNode: [String: [Int]] = [:]
        for (position, placed) in placements.enumerated() {
            for node in placed.nodes ?? [] { onNode[node, default: []].append(position) }
        }
        return (placement, NamespaceIndex(placements) { $0.pod.namespace }, onNode)
    }

    /// What findings are anchored on when no better object is at hand.
    struct Anchors {
        /// Pods, ReplicaSets… whose controller is among the inputs: they repeat their top-level
        /// object, and a finding on them would move with the input order (or the pods' random names).
        /// Held by object identity, not by reference: a duplicate of a controlled object is another object.
        let controlled: Set<ObjectIdentifier>
        /// Each namespace's first object that no other input controls (else its first object).
        let firstObjectOfNamespace: [String: KubeObject]

        init(_ inventory: Inventory) {
            let controlled = Set(inventory.podTemplates.map { ObjectIdentifier($0.object) })
                .subtracting(inventory.topLevelPodTemplates.map { ObjectIdentifier($0.object) })
            var first: [String: KubeObject] = [:]
            var firstControlled: [String: KubeObject] = [:]
            for object in inventory.objects {
                guard let namespace = object.namespace, first[namespace] == nil else { continue }
                if controlled.contains(ObjectIdentifier(object)) {
                    if firstControlled[namespace] == nil { firstControlled[namespace] = object }
                } else {
                    first[namespace] = object
                }
            }
            self.controlled = controlled
            firstObjectOfNamespace = first.merging(firstControlled) { top, _ in top }
        }

        /// The object that stands for a namespace: its Namespace object, else its first object that
        /// no other input controls (a Deployment rather than its ReplicaSets or randomly named Pods).
        func representative(of namespace: String, in inventory: Inventory) -> KubeObject? {
            inventory.namespace(namespace) ?? firstObjectOfNamespace[namespace]
        }
    }

    func owner(of namespace: String) -> Owner {
        if let tenant = ownerOfNamespace[namespace] { return .tenant(tenant) }
        return platform.contains(namespace) ? .platform : .unassigned
    }

    func tenant(named name: String) -> Tenant? { tenantsByName[name] }

    /// The object that stands for a namespace (see `Anchors.representative`).
    func representative(of namespace: String) -> KubeObject? {
        anchors.representative(of: namespace, in: inventory)
    }

    /// The representative of a tenant: its first namespace's.
    func representative(of tenant: Tenant) -> KubeObject? {
        tenant.namespaces.lazy.compactMap(representative(of:)).first
    }

    /// The path of the namespace name in `object` (the Namespace itself, or a namespaced object).
    static func namespacePath(_ object: KubeObject) -> FieldPath {
        object.kind == "Namespace" ? "metadata.name" : "metadata.namespace"
    }

    /// The top-level pod templates of `namespaces`, in input order.
    func pods(in namespaces: Set<String>) -> [PodTemplate] {
        podsByNamespace.items(in: namespaces)
    }
}
