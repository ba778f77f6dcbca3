import RampartModel

/// A problem in a tenancy file, at a line of it.
public struct TenancyDiagnostic: Sendable, Hashable, CustomStringConvertible {
    public var mark: SourceMark
    public var message: String
    /// Warnings do not stop the analysis; errors drop the tenant (or the file) they are about.
    public var isWarning: Bool

    public init(_ mark: SourceMark, _ message: String, isWarning: Bool = false) {
        self.mark = mark
        self.message = message
        self.isWarning = isWarning
    }

    public var description: String { "line \(mark.line): \(isWarning ? "warning: " : "")\(message)" }
}

/// Reads a tenancy file (`apiVersion: rampart.dev/v1alpha1`, `kind: Tenancy`) from its value tree.
/// Every problem names its line; tenants with errors are left out, the others are kept.
public enum TenancyFile {
    public static let apiVersion = "rampart.dev/v1alpha1"
    public static let kind = "Tenancy"

    private static let topKeys: Set<String> = ["apiVersion", "kind", "metadata", "platformNamespaces", "tenants"]
    private static let tenantKeys: Set<String> = ["name", "namespaces", "trust", "untrustedCode", "compliance", "nodePool",
                                                  "isolation", "requireMeshMTLS", "registries"]
    private static let namespaceKeys: Set<String> = ["names", "selector"]

    /// The model in `root`, named after `file`, and every problem found.
    public static func parse(_ root: Node, file: String) -> (TenancyModel?, [TenancyDiagnostic]) {
        var diagnostics: [TenancyDiagnostic] = []
        guard root.isMapping else {
            return (nil, [TenancyDiagnostic(root.mark, "a tenancy file is a mapping with apiVersion, kind and tenants")])
        }
        if root["apiVersion"]?.string != apiVersion {
            diagnostics.append(TenancyDiagnostic((root["apiVersion"] ?? root).mark, "apiVersion must be \(apiVersion)"))
        }
        if root["kind"]?.string != kind {
            diagnostics.append(TenancyDiagnostic((root["kind"] ?? root).mark, "kind must be \(kind)"))
        }
        guard diagnostics.isEmpty else { return (nil, diagnostics) }
        unknownKeys(in: root, allowed: topKeys, what: "tenancy file", &diagnostics)
        let platform = strings(root["platformNamespaces"], field: "platformNamespaces", &diagnostics)
        var tenants: [TenantSpec] = []
        var seen: [String: SourceMark] = [:]
        if let list = root["tenants"], !list.isSequence, !list.isNull {
            diagnostics.append(TenancyDiagnostic(list.mark, "tenants must be a list"))
        }
        for item in root["tenants"]?.items ?? [] {
            guard let tenant = parseTenant(item, file: file, &diagnostics) else { continue }
            if let first = seen[tenant.name] {
                diagnostics.append(TenancyDiagnostic(item.mark, "tenant '\(tenant.name)' is declared twice (first at line \(first.line))"))
                continue
            }
            seen[tenant.name] = item.mark
            tenants.append(tenant)
        }
        return (TenancyModel(platformNamespaces: platform, tenants: tenants, source: file), diagnostics)
    }

    private static func parseTenant(_ node: Node, file: String, _ diagnostics: inout [TenancyDiagnostic]) -> TenantSpec? {
        guard node.isMapping else {
            diagnostics.append(TenancyDiagnostic(node.mark, "a tenant is a mapping with name, namespaces and trust"))
            return nil
        }
        let errorsBefore = diagnostics.filter { !$0.isWarning }.count
        let name = node["name"]?.string ?? ""
        if name.isEmpty { diagnostics.append(TenancyDiagnostic(node.mark, "tenant without a name")) }
        let label = name.isEmpty ? "tenant" : "tenant '\(name)'"
        unknownKeys(in: node, allowed: tenantKeys, what: label, &diagnostics)
        let namespaces = parseNamespaces(node["namespaces"], owner: node, label: label, &diagnostics)
        let trust = value(node["trust"], field: "\(label): trust", Trust.init(rawValue:), &diagnostics)
        if node["trust"] == nil { diagnostics.append(TenancyDiagnostic(node.mark, "\(label): trust is required (trusted or untrusted)")) }
        let isolation = value(node["isolation"], field: "\(label): isolation", IsolationLevel.init(rawValue:), &diagnostics)
        if isolation == IsolationLevel.none {
            diagnostics.append(TenancyDiagnostic(node["isolation"]?.mark ?? node.mark, "\(label): isolation must be soft, soft-affinity or hard"))
        }
        let untrustedCode = bool(node["untrustedCode"], field: "\(label): untrustedCode", &diagnostics)
        let mtls = bool(node["requireMeshMTLS"], field: "\(label): requireMeshMTLS", &diagnostics)
        let registries = strings(node["registries"], field: "\(label): registries", &diagnostics)
        for entry in node["registries"]?.items ?? [] where entry.string?.allSatisfy(\.isWhitespace) == true {
            diagnostics.append(TenancyDiagnostic(entry.mark, "\(label): registries: an empty entry allows no image"))
        }
        var nodePool: LabelSelector?
        if let pool = node["nodePool"] {
            nodePool = selector(pool, field: "\(label): nodePool", &diagnostics)
        }
        guard diagnostics.filter({ !$0.isWarning }).count == errorsBefore else { return nil }
        let spec = TenantSpec(name: name, namespaces: namespaces, trust: trust ?? .trusted, untrustedCode: untrustedCode,
                              compliance: strings(node["compliance"], field: "\(label): compliance", &diagnostics),
                              nodePool: nodePool, declaredIsolation: isolation, requireMeshMTLS: mtls,
                              registries: registries, origin: "\(file):\(node.mark.line)")
        if let isolation, isolation < spec.profileIsolation {
            diagnostics.append(TenancyDiagnostic(node["isolation"]?.mark ?? node.mark,
                "\(label): isolation \(isolation.rawValue) is below what its profile needs (\(spec.profileIsolation.rawValue))",
                isWarning: true))
        }
        if spec.requiredIsolation >= .softAffinity, nodePool == nil {
            diagnostics.append(TenancyDiagnostic(node.mark,
                "\(label): \(spec.requiredIsolation.rawValue) isolation needs dedicated nodes: declare its nodePool", isWarning: true))
        }
        return spec
    }

    private static func parseNamespaces(_ node: Node?, owner: Node, label: String,
                                        _ diagnostics: inout [TenancyDiagnostic]) -> NamespaceMatcher {
        guard let node, node.isMapping else {
            diagnostics.append(TenancyDiagnostic(node?.mark ?? owner.mark, "\(label): namespaces must be a mapping with names and/or selector"))
            return NamespaceMatcher()
        }
        unknownKeys(in: node, allowed: namespaceKeys, what: "\(label): namespaces", &diagnostics)
        let names = strings(node["names"], field: "\(label): namespaces.names", &diagnostics)
        let namespaceSelector = node["selector"].flatMap { selector($0, field: "\(label): namespaces.selector", &diagnostics) }
        if names.isEmpty, namespaceSelector?.isEmpty ?? true {
            diagnostics.append(TenancyDiagnostic(node.mark, "\(label): namespaces names no namespace (give names or a non-empty selector)"))
        }
        return NamespaceMatcher(names: names, selector: namespaceSelector)
    }

    private static func selector(_ node: Node, field: String, _ diagnostics: inout [TenancyDiagnostic]) -> LabelSelector? {
        guard node.isMapping else {
            diagnostics.append(TenancyDiagnostic(node.mark, "\(field) must be a label selector (matchLabels, matchExpressions)"))
            return nil
        }
        unknownKeys(in: node, allowed: ["matchLabels", "matchExpressions"], what: field, &diagnostics)
        for expression in node["matchExpressions"]?.items ?? [] {
            let op = expression["operator"]?.string ?? ""
            if expression["key"]?.string == nil || LabelSelector.Requirement.Operator(rawValue: op) == nil {
                diagnostics.append(TenancyDiagnostic(expression.mark, "\(field): each matchExpressions entry needs a key and an operator In, NotIn, Exists or DoesNotExist"))
            }
        }
        return LabelSelector(node)
    }

    private static func value<T>(_ node: Node?, field: String, _ parse: (String) -> T?,
                                 _ diagnostics: inout [TenancyDiagnostic]) -> T? {
        guard let node else { return nil }
        if let text = node.string, let parsed = parse(text) { return parsed }
        diagnostics.append(TenancyDiagnostic(node.mark, "\(field): '\(node.string ?? "")' is not a valid value"))
        return nil
    }

    private static func bool(_ node: Node?, field: String, _ diagnostics: inout [TenancyDiagnostic]) -> Bool {
        guard let node else { return false }
        if let value = node.bool { return value }
        diagnostics.append(TenancyDiagnostic(node.mark, "\(field) must be true or false"))
        return false
    }

    private static func strings(_ node: Node?, field: String, _ diagnostics: inout [TenancyDiagnostic]) -> [String] {
        guard let node, !node.isNull else { return [] }
        guard node.isSequence else {
            diagnostics.append(TenancyDiagnostic(node.mark, "\(field) must be a list"))
            return []
        }
        return node.items.compactMap { item in
            if let text = item.string, !item.isMapping, !item.isSequence { return text }
            diagnostics.append(TenancyDiagnostic(item.mark, "\(field): every item must be a string"))
            return nil
        }
    }

    /// An error for each key of `node` not in `allowed`, suggesting the nearest known key when one is close.
    private static func unknownKeys(in node: Node, allowed: Set<String>, what: String, _ diagnostics: inout [TenancyDiagnostic]) {
        for unknown in KeySuggestion.unknownKeys(in: node, known: allowed) {
            diagnostics.append(TenancyDiagnostic(unknown.mark, "\(what): unknown field '\(unknown.key)'\(unknown.hint)"))
        }
    }
}
