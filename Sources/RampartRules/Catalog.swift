import RampartModel

/// The rule catalog: one explicit list of every rule, grouped by family. The single source for
/// `rampart rules`, `rampart explain`, SARIF rule metadata and `docs/rules.md`.
public enum Catalog {
    public static let rules: [any Rule] =
        ServiceAccountRules.all
        + ImageRules.all
        + SecretRules.all
        + ExposureRules.all
        + ResourceRules.all
        + PodSecurityRules.all
        + ContainerRules.all
        + RBACRules.all
        + NetworkRules.all
        + ControlPlaneRules.all
        + ClusterAdmissionRules.all
        + UpgradeRules.all
        + TenancyRules.all

    /// The rule with this ID.
    public static func rule(id: String) -> (any Rule)? {
        rules.first { $0.metadata.id == id }
    }
}

extension Catalog {
    /// Every kind some rule reads: what the live reader lists and the scanner's RBAC grants.
    public static let kindsRead: [ResourceKind] = rules.reduce(into: Set<ResourceKind>()) { $0.formUnion($1.reads) }.sorted()
}
