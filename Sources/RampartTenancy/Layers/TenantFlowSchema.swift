import RampartModel

/// The API Priority and Fairness FlowSchema that classifies a tenant's service accounts, and whether
/// the priority level it names bounds them.
///
/// The API server tries FlowSchemas by `matchingPrecedence` (lowest first, default 1000; ties by name)
/// and the first that matches decides. Every service account already matches the built-in
/// `service-accounts` schema (precedence 9000, level `workload-low`, shared by every tenant), so a
/// tenant's own schema takes effect only if it comes before that one.
struct TenantFlowSchema {
    let object: KubeObject
    let level: String

    /// The built-in schema that every service account matches.
    static let builtIn = (name: "service-accounts", precedence: 9000)

    /// Built-in priority levels that carry the platform's own traffic (nodes, leader election,
    /// controllers): a tenant placed there competes with them.
    static let platformLevels: Set<String> = ["system", "node-high", "leader-election", "workload-high"]

    /// The schema in effect for the service accounts of `namespaces`, if one of `schemas` names them.
    static func find(for namespaces: Set<String>, in schemas: [KubeObject]) -> TenantFlowSchema? {
        let candidates = schemas.filter { names($0, namespaces) && precedes($0) }
        let first = candidates.min { (precedence($0), $0.name) < (precedence($1), $1.name) }
        return first.map { TenantFlowSchema(object: $0, level: $0.root["spec"]?["priorityLevelConfiguration"]?["name"]?.string ?? "") }
    }

    /// Why the schema's level does not bound the tenant (nil when it does): the level is exempt from
    /// limits (`exempt`, or a PriorityLevelConfiguration of type Exempt among `levels`), or it is one the
    /// platform's own components use.
    func unbounded(levels: [KubeObject]) -> String? {
        let declared = levels.first { $0.name == level }
        if level == "exempt" || declared?.root["spec"]?["type"]?.string == "Exempt" {
            return "exempt from every limit"
        }
        if Self.platformLevels.contains(level) {
            return "the level of the platform's own components, which a busy tenant then slows"
        }
        return nil
    }

    /// True when a subject of a rule of `schema` is a service account of `namespaces` or their group.
    private static func names(_ schema: KubeObject, _ namespaces: Set<String>) -> Bool {
        (schema.root["spec"]?["rules"]?.items ?? []).contains { rule in
            (rule["subjects"]?.items ?? []).contains { subject in
                if let namespace = subject["serviceAccount"]?["namespace"]?.string { return namespaces.contains(namespace) }
                if let group = subject["group"]?["name"]?.string, group.hasPrefix("system:serviceaccounts:") {
                    return namespaces.contains(String(group.dropFirst("system:serviceaccounts:".count)))
                }
                return false
            }
        }
    }

    private static func precedence(_ schema: KubeObject) -> Int {
        schema.root["spec"]?["matchingPrecedence"]?.int ?? 1000
    }

    /// True when `schema` is tried before the built-in `service-accounts` schema.
    private static func precedes(_ schema: KubeObject) -> Bool {
        (precedence(schema), schema.name) < (builtIn.precedence, builtIn.name)
    }
}
