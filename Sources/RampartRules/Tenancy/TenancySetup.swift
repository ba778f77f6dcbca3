import RampartModel
import RampartTenancy

/// The tenancy model an audit judges tenants by, kept in the context's shared analyses.
struct TenancySetup: Sendable {
    let model: TenancyModel
}

/// The custom rules whose findings count in the tenancy verdict, kept in the context's shared analyses.
struct CustomRuleSetup: Sendable {
    let rules: [CustomRule]
    /// Severities the configuration sets (`rules:`), by rule ID.
    let severities: [String: Severity]
}

extension AuditContext {
    /// Judges tenants by `model` (a tenancy file) instead of the tenants inferred from the
    /// inventory. Call it before the audit runs; later calls change nothing.
    public func useTenancy(_ model: TenancyModel) {
        _ = shared(TenancySetup.self) { _ in TenancySetup(model: model) }
    }

    /// Counts the findings of `rules` (the enabled custom rules) in the tenancy verdict, under their
    /// layer (`CustomRule.tenancyLayer`), at the severity `severities` (the configuration's
    /// overrides, by ID) give them, else their own. Call it before the audit runs; later calls change nothing.
    public func useCustomRules(_ rules: [CustomRule], severities: [String: Severity] = [:]) {
        _ = shared(CustomRuleSetup.self) { _ in CustomRuleSetup(rules: rules, severities: severities) }
    }

    /// The tenancy model: the one given by `useTenancy`, else the tenants inferred from the
    /// inventory (`rampart.dev/tenant` labels, Capsule, HNC).
    public var tenancyModel: TenancyModel {
        shared(TenancySetup.self) { TenancySetup(model: TenantInference.infer($0, platform: settings.platformNamespaces)) }.model
    }

    /// The tenancy verdict, computed once for every `tenancy.*` rule from the engines' shared analyses,
    /// its evidence naming the catalog rules that report it.
    public var tenancy: TenancyReport {
        shared(TenancyReport.self) { inventory in
            // Evidence items are many and the rules they name few: each rule is looked up once.
            var ids: [ReportingRule: String?] = [:]
            let custom = shared(CustomRuleSetup.self) { _ in CustomRuleSetup(rules: [], severities: [:]) }
            let findings = custom.rules.flatMap { rule in
                rule.layerFindings(in: self, severity: custom.severities[rule.metadata.id] ?? rule.metadata.severity)
            }
            // The network analysis and the escalations out of each tenant need nothing of each
            // other: both are built side by side (each at once if a rule has built it already).
            let (network, escalations) = Parallel.both({ self.network }, { self.tenantEscalations })
            return TenancyAnalysis.analyse(inventory, model: tenancyModel, platform: settings.platformNamespaces,
                                           network: network, rbac: rbacPolicy, escalations: escalations,
                                           findings: findings, images: containerImageFacts)
                .namingRules { reference in
                    if let known = ids[reference] { return known }
                    let id = reference.ruleID
                    ids[reference] = id
                    return id
                }
        }
    }
}

/// A rule that reports the gaps of one kind that the tenancy analysis found (none when no tenant is
/// known): the rule words the finding of each gap of its kind.
protocol TenancyGapRule: Rule {
    /// The kind of gap the rule reports.
    var kind: TenancyGap.Kind { get }
    /// The finding of `gap`; nil when the gap is of another kind.
    func violation(for gap: TenancyGap) -> Violation?
}

extension TenancyGapRule {
    public var readsTenancyVerdict: Bool { true }

    public func evaluate(in context: AuditContext) -> [Violation] {
        context.tenancy.gaps(of: kind).compactMap(violation(for:))
    }
}

extension Violation {
    /// The finding of a gap at `site`.
    init(_ site: TenancyGap.Site, _ message: String, notes: [String] = []) {
        self.init(object: site.object, path: site.path, message: message, notes: notes)
    }
}
