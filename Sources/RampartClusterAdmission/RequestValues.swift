import RampartCEL
import RampartModel

/// The `request` and `namespaceObject` values of an admission expression, built from what the
/// offline check knows of the request.
enum RequestValues {
    /// `request`: kind, resource, name, namespace, operation, and the requesting user when known.
    static func request(_ attributes: AdmissionAttributes, user: AdmissionUser?) -> CELValue {
        let kind = CELValue.map(CELMap(stringKeys: [
            ("group", .string(attributes.group)), ("version", .string(attributes.version)), ("kind", .string(attributes.kind)),
        ]))
        let resource = CELValue.map(CELMap(stringKeys: [
            ("group", .string(attributes.group)), ("version", .string(attributes.version)),
            ("resource", .string(attributes.resource)),
        ]))
        var entries: [(String, CELValue)] = [
            ("kind", kind), ("resource", resource), ("requestKind", kind), ("requestResource", resource),
            ("name", .string(attributes.name)), ("namespace", .string(attributes.namespace ?? "")),
            ("operation", .string(attributes.operation.rawValue)), ("dryRun", .bool(false)),
        ]
        if !attributes.subresource.isEmpty { entries.append(("subResource", .string(attributes.subresource))) }
        if let user {
            entries.append(("userInfo", .map(CELMap(stringKeys: [
                ("username", .string(user.name)), ("groups", .list(user.groups.map(CELValue.string))),
            ]))))
        }
        return .map(CELMap(stringKeys: entries))
    }

    /// `namespaceObject`: the request's Namespace as the API server reads it, with the
    /// `kubernetes.io/metadata.name` label it always carries; null for cluster-scoped requests.
    static func namespaceObject(_ namespace: String?, in inventory: Inventory) -> CELValue {
        guard let namespace else { return .null }
        guard let object = inventory.namespace(namespace) else {
            let labels = CELValue.map(CELMap(stringKeys: [(NamespaceLabels.nameLabel, .string(namespace))]))
            return .map(CELMap(stringKeys: [
                ("apiVersion", .string("v1")), ("kind", .string("Namespace")),
                ("metadata", .map(CELMap(stringKeys: [("name", .string(namespace)), ("labels", labels)]))),
            ]))
        }
        return CELValue(object.root)
    }
}

/// The labels of a namespace as admission sees them: its own, and `kubernetes.io/metadata.name`,
/// which the API server sets on every namespace.
enum NamespaceLabels {
    static let nameLabel = "kubernetes.io/metadata.name"

    static func labels(of namespace: String, in inventory: Inventory) -> [String: String] {
        var labels = inventory.namespace(namespace)?.labels ?? [:]
        labels[nameLabel] = namespace
        return labels
    }
}

/// The user who sends a request, when the check knows it.
public struct AdmissionUser: Sendable, Hashable {
    public var name: String
    public var groups: [String]

    public init(name: String, groups: [String]) {
        self.name = name
        self.groups = groups
    }
}
