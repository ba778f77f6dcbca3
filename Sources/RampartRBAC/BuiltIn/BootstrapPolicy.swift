import RampartModel

/// The roles kube-apiserver creates at startup (its "bootstrap policy": `cluster-admin`, `admin`,
/// `edit`, `view`, the `system:*` roles and the controller roles), built into Rampart because
/// manifest dumps often bind to them without defining them.
///
/// The roles follow the default bootstrap policy (default feature gates) of Kubernetes
/// `kubernetesReleases` (1.34–1.37), with the rules of `rulesRelease` (1.36) where releases differ;
/// each role says from which release it comes (`BuiltInRole.since`, `rulesAsOf`). The data is
/// generated into `BootstrapPolicyData.swift` by `scripts/generate-bootstrap-rbac.py` from upstream's
/// bootstrap policy test data (`../shared/k8s-bootstrap-rbac`, whose files are of different
/// releases: see its README) and the changes of `scripts/bootstrap-rbac-changes.yaml`, which bring
/// each drifted role to 1.36. Exact rules drift between releases; treat them as approximate.
public enum BootstrapPolicy {
    /// The label every bootstrap object carries.
    public static let bootstrappingLabel = "kubernetes.io/bootstrapping"
    public static let bootstrappingValue = "rbac-defaults"

    /// The built-in roles as RBAC roles of origin `.builtIn`.
    static var rbacRoles: [RBACRole] {
        roles.map { role in
            RBACRole(key: role.key, labels: role.labels,
                     aggregationSelectors: role.aggregationSelectors.isEmpty ? nil : role.aggregationSelectors.map(LabelSelector.init(labels:)),
                     origin: .builtIn, ownRules: role.rules)
        }
    }

    private static let rolesByKey = Dictionary(roles.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })

    /// The built-in definition of a role, with the Kubernetes release it comes from; nil when the
    /// bootstrap policy has no such role.
    public static func definition(of key: RoleKey) -> BuiltInRole? {
        rolesByKey[key]
    }

    /// True for objects of the bootstrap policy (labelled `kubernetes.io/bootstrapping: rbac-defaults`).
    public static func isBootstrapObject(_ object: KubeObject) -> Bool {
        object.labels[bootstrappingLabel] == bootstrappingValue
    }
}

/// One built-in role as generated from the bootstrap policy.
public struct BuiltInRole: Sendable {
    public let kind: RoleKind
    public let namespace: String?
    public let name: String
    /// The first of `BootstrapPolicy.kubernetesReleases` whose API server creates the role with
    /// default feature gates (the first of them for roles that are older).
    public let since: String
    /// The Kubernetes release whose rules `rules` reproduces.
    public let rulesAsOf: String
    public let labels: [String: String]
    /// `matchLabels` of each `aggregationRule.clusterRoleSelectors` entry.
    public let aggregationSelectors: [[String: String]]
    public let rules: [PolicyRule]

    public var key: RoleKey { RoleKey(kind: kind, namespace: namespace, name: name) }
}
