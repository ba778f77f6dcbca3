import RampartClusterAdmission
import RampartModel
import RampartNetwork
import RampartRBAC

/// The tenancy verdict of a cluster: every tenant's isolation per layer, the tenant-by-tenant
/// matrix, and the gaps that `tenancy.*` rules report.
public struct TenancyReport: Sendable {
    /// Where the tenants come from: a tenancy file, or `inferred`.
    public let source: String
    public private(set) var verdicts: [TenantVerdict]
    /// Every ordered pair of distinct tenants where the first can reach or act on the second, by the
    /// names of the two, worked out on each read (an audit never reads it; `tenants check` once).
    public var matrix: [Interaction] { tenantMatrix.cells() }
    let tenantMatrix: TenantMatrix
    public let gaps: [TenancyGap]
    /// Positions in `gaps` of each kind's gaps, so that each `tenancy.*` rule reads its own only.
    private let gapPositions: [TenancyGap.Kind: [Int]]
    /// Tenants of the model with no namespace among the inputs.
    public let absentTenants: [String]
    /// Whether anything enforces the network policies the network layer judges by (the CNI).
    public let networkEnforcement: NetworkEnforcement

    init(source: String, verdicts: [TenantVerdict], tenantMatrix: TenantMatrix, gaps: [TenancyGap],
         absentTenants: [String], networkEnforcement: NetworkEnforcement) {
        self.source = source
        self.verdicts = verdicts
        self.tenantMatrix = tenantMatrix
        self.gaps = gaps
        var positions: [TenancyGap.Kind: [Int]] = [:]
        for index in gaps.indices { positions[gaps[index].kind, default: []].append(index) }
        gapPositions = positions
        self.absentTenants = absentTenants
        self.networkEnforcement = networkEnforcement
    }

    /// The gaps of one kind, in order.
    public func gaps(of kind: TenancyGap.Kind) -> [TenancyGap] {
        (gapPositions[kind] ?? []).map { gaps[$0] }
    }

    /// The report with the ID of every rule its evidence refers to (`Evidence.rules`), as `id` names
    /// them; references `id` does not know are left out.
    public consuming func namingRules(_ id: (ReportingRule) -> String?) -> TenancyReport {
        var report = self
        for tenant in report.verdicts.indices {
            for layer in report.verdicts[tenant].layers.indices {
                for item in report.verdicts[tenant].layers[layer].evidence.indices {
                    let evidence = report.verdicts[tenant].layers[layer].evidence[item]
                    report.verdicts[tenant].layers[layer].evidence[item].rules = evidence.reportedBy.compactMap(id)
                }
            }
        }
        return report
    }
}

/// Builds the tenancy verdict from the engines: RBAC boundaries, network reachability, PSS, and
/// the placement of pods on nodes.
public enum TenancyAnalysis {
    /// Judges every tenant of `model` in `inventory`. `platform` adds platform namespaces to the
    /// model's (from the rule settings); `network`, `rbac` and `escalations` (the paths out of every
    /// tenant of `model`) reuse analyses already built.
    /// `findings` (of custom rules) count against their layer of the tenant that owns their object's namespace;
    /// `images` (what the image rules know) is the evidence of the container layer.
    public static func analyse(_ inventory: Inventory, model: TenancyModel, platform: Set<String> = [],
                               network: NetworkAnalysis? = nil, rbac: RBACPolicy? = nil,
                               escalations: TenantEscalations? = nil, findings: [LayerFinding] = [],
                               images: ContainerImageFacts = ContainerImageFacts()) -> TenancyReport {
        let platform = platform.union(model.platformNamespaces)
        var gaps: [TenancyGap] = []
        let anchors = TenancyContext.Anchors(inventory)
        let tenants = resolve(model, inventory, platform: platform, anchors: anchors, &gaps)
        let context = TenancyContext(inventory: inventory, tenants: tenants, platform: platform,
                                     network: network ?? NetworkAnalysis(inventory), rbac: rbac ?? RBACPolicy(inventory: inventory),
                                     anchors: anchors)
        let escalations = escalations ?? TenantEscalations(policy: context.boundaries.policy, inventory: inventory,
                                                           assignment: model.assignment(inventory, platform: platform))
        let routesOutOf = Dictionary(grouping: escalations.routes) { $0.tenant ?? "" }
        let findingsByNamespace = Dictionary(grouping: findings) { $0.object.namespace ?? "" }
        // Tenants are judged apart, on every core; each chunk of them words inbound crossings once.
        let judged = tenants.concurrentMap(chunk: tenantChunk, scratch: { CrossingMessages() }) { tenant, messages in
            judge(tenant, context, escalations: (escalations.analysis, routesOutOf[tenant.name] ?? []),
                  findings: tenant.namespaces.flatMap { findingsByNamespace[$0] ?? [] }, images: images, messages: &messages)
        }
        var boundaries: [String: ControlPlaneBoundary] = [:]
        for (tenant, judgement) in zip(tenants, judged) {
            boundaries[tenant.name] = judgement.boundary
            gaps += judgement.gaps
        }
        let verdicts = judged.map(\.verdict)
        let present = Set(tenants.map(\.name))
        return TenancyReport(source: model.source, verdicts: verdicts,
                             tenantMatrix: TenantMatrix(tenants: tenants, boundaries: boundaries, context: context),
                             gaps: gaps, absentTenants: model.tenants.map(\.name).filter { !present.contains($0) },
                             networkEnforcement: NetworkEnforcement(inventory))
    }

    /// Tenants per unit of parallel judging.
    static let tenantChunk = 32

    /// One tenant's verdict, control-plane boundary and gaps (its layers' and, when the verdict is
    /// not met, `isolationNotMet`).
    private static func judge(_ tenant: Tenant, _ context: TenancyContext, escalations: (analysis: EscalationAnalysis, routes: [EscalationRoute]),
                              findings: [LayerFinding], images: ContainerImageFacts,
                              messages: inout CrossingMessages) -> (boundary: ControlPlaneBoundary, verdict: TenantVerdict, gaps: [TenancyGap]) {
        let members = Set(tenant.namespaces)
        let boundary = ControlPlaneBoundary(context.boundaries.boundary(withoutClusterInboundOf: members), namespaces: members,
                                            index: context.boundaries, cluster: context.clusterInbound)
        var builders = [
            ControlPlaneLayer.evaluate(tenant, boundary: boundary, context, messages: &messages, escalations: escalations),
            NetworkLayer.evaluate(tenant, context),
            ComputeLayer.evaluate(tenant, context),
            PodSecurityLayer.evaluate(tenant, context),
            ContainerLayer.evaluate(tenant, context, images),
            FairnessLayer.evaluate(tenant, context),
            SecretsLayer.evaluate(tenant, context),
        ]
        for finding in findings {
            if let index = builders.firstIndex(where: { $0.layer == finding.layer }) { builders[index].add(finding) }
        }
        let layers = builders.map(\.verdict)
        var gaps = builders.flatMap(\.gaps)
        let spec = tenant.spec
        let verdict = TenantVerdict(
            tenant: tenant.name, trust: spec.trust, untrustedCode: spec.untrustedCode, compliance: spec.compliance,
            namespaces: tenant.namespaces, origin: spec.origin, required: spec.requiredIsolation,
            achieved: layers.map(\.ceiling).min() ?? .none, layers: layers,
            admissionCoverage: CoverageCell.map(tenant.namespaces, context.admission))
        if !verdict.met, let anchor = context.representative(of: tenant) {
            let site = TenancyGap.Site(tenant: tenant.name, object: anchor, path: TenancyContext.namespacePath(anchor))
            gaps.append(.isolationNotMet(site, required: verdict.required, achieved: verdict.achieved,
                                         failing: layers.filter { $0.status == .fail }.map(\.layer), origin: spec.origin))
        }
        return (boundary, verdict, gaps)
    }

    /// The tenants with their namespaces; a namespace claimed twice goes to the first tenant.
    static func resolve(_ model: TenancyModel, _ inventory: Inventory, platform: Set<String>, anchors: TenancyContext.Anchors,
                                _ gaps: inout [TenancyGap]) -> [Tenant] {
        var owner: [String: String] = [:]
        var tenants: [Tenant] = []
        let candidates = NamespaceCandidates(inventory)
        for spec in model.tenants {
            var namespaces: [String] = []
            for namespace in candidates.superset(of: spec.namespaces)
            where spec.namespaces.matches(namespace, labels: inventory.namespaceLabels(namespace) ?? [:]) {
                let anchor = anchors.representative(of: namespace, in: inventory)
                if let first = owner[namespace].map(TenancyGap.Claimant.tenant) ?? (platform.contains(namespace) ? .platform : nil) {
                    if let anchor {
                        let site = TenancyGap.Site(tenant: spec.name, object: anchor, path: TenancyContext.namespacePath(anchor))
                        gaps.append(.namespaceClaimedTwice(site, namespace: namespace, first: first))
                    }
                    continue
                }
                owner[namespace] = spec.name
                namespaces.append(namespace)
            }
            if !namespaces.isEmpty { tenants.append(Tenant(spec: spec, namespaces: namespaces)) }
        }
        return tenants
    }
}
