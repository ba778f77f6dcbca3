import RampartModel

/// A RoleBinding or ClusterRoleBinding: who (subjects) gets which role, and where.
public struct RBACBinding: Sendable {
    /// One subject with its index in the binding's `subjects` (for field paths).
    public struct BoundSubject: Sendable {
        public var subject: Subject
        public var index: Int
    }

    public let kind: BindingKind
    /// The RoleBinding's namespace (`default` when the manifest names none); nil for a ClusterRoleBinding.
    public let namespace: String?
    public let name: String
    public let object: KubeObject
    /// `roleRef.kind` and `roleRef.name` as written.
    public let roleRefKind: String
    public let roleRefName: String
    /// The role the binding refers to; nil when `roleRef.kind` is not one the binding may refer to
    /// (`Role` or `ClusterRole` for a RoleBinding, `ClusterRole` for a ClusterRoleBinding).
    public let roleKey: RoleKey?
    /// The subjects the authorizer can match (unknown kinds are left out).
    public let subjects: [BoundSubject]
    /// True for the bootstrap policy's own bindings (read once: rules ask for every binding).
    public let isBootstrapObject: Bool

    init?(_ object: KubeObject) {
        switch object.kind {
        case "RoleBinding":
            kind = .roleBinding
            namespace = object.namespace ?? "default"
        case "ClusterRoleBinding":
            kind = .clusterRoleBinding
            namespace = nil
        default:
            return nil
        }
        self.object = object
        isBootstrapObject = BootstrapPolicy.isBootstrapObject(object)
        name = object.name
        roleRefKind = object.root["roleRef"]?["kind"]?.string ?? ""
        roleRefName = object.root["roleRef"]?["name"]?.string ?? ""
        switch (kind, roleRefKind) {
        case (.roleBinding, "Role"): roleKey = RoleKey(kind: .role, namespace: namespace, name: roleRefName)
        case (_, "ClusterRole"): roleKey = .clusterRole(roleRefName)
        default: roleKey = nil
        }
        let namespace = namespace
        subjects = (object.root["subjects"]?.items ?? []).enumerated().compactMap { index, node in
            Subject(node, bindingNamespace: namespace).map { BoundSubject(subject: $0, index: index) }
        }
    }

    /// The binding's identity for reports.
    public var reference: BindingReference {
        BindingReference(kind: kind, namespace: namespace, name: name)
    }
}
