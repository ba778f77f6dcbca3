import RampartModel

/// The roles kube-apiserver creates at startup (its "bootstrap policy": `cluster-admin`, `admin`,
/// `edit`, `view`, the `system:*` roles and the controller roles), built into Rampart because
/// manifest dumps often bind to them without defining them.
///
/// The data comes from upstream's bootstrap policy test data (default feature gates; cluster roles
/// as of roughly Kubernetes 1.28–1.31, controller and namespace roles as of 1.35–1.36: see
/// `../shared/k8s-bootstrap-rbac/README.md`), generated into `BootstrapPolicyData.swift` by
/// `scripts/generate-bootstrap-rbac.py`. Exact rules drift between versions; treat them as approximate.
public enum BootstrapPolicy {
    /// The label every bootstrap object carries.
    public static let bootstrappingLabel = "kubernetes.io/bootstrapping"
    public static let bootstrappingValue = "rbac-defaults"

    /// The built-in roles as RBAC roles of origin `.builtIn`.
    static var rbacRoles: [RBACRole] {
        roles.map { role in
            RBACRole(key: RoleKey(kind: role.kind, namespace: role.namespace, name: role.name), labels: role.labels,
                     aggregationSelectors: role.aggregationSelectors.isEmpty ? nil : role.aggregationSelectors.map(LabelSelector.init(labels:)),
                     origin: .builtIn, ownRules: role.rules)
        }
    }

    /// True for objects of the bootstrap policy (labelled `kubernetes.io/bootstrapping: rbac-defaults`).
    public static func isBootstrapObject(_ object: KubeObject) -> Bool {
        object.labels[bootstrappingLabel] == bootstrappingValue
    }
}

/// One built-in role as generated from the bootstrap policy.
struct BuiltInRole: Sendable {
    var kind: RoleKind
    var namespace: String?
    var name: String
    var labels: [String: String]
    /// `matchLabels` of each `aggregationRule.clusterRoleSelectors` entry.
    var aggregationSelectors: [[String: String]]
    var rules: [PolicyRule]
}
