import RampartModel

/// Finds tenants in a cluster without a tenancy file, from the conventions in common use, in this
/// order (a namespace claimed by one convention is not looked at by the next):
///
/// 1. the `rampart.dev/tenant` namespace label (with `rampart.dev/trust`, `rampart.dev/isolation`
///    labels and `rampart.dev/node-pool`, `rampart.dev/compliance` annotations, as `rampart tenant new` writes them);
/// 2. Capsule: `Tenant` objects (`capsule.clastix.io`) and the `capsule.clastix.io/tenant` namespace label;
///    the Tenant's `spec.nodeSelector` is its node pool;
/// 3. HNC (`hnc.x-k8s.io`): each root namespace with descendants, from the
///    `NS.tree.hnc.x-k8s.io/depth` labels and `HierarchyConfiguration` parents.
///
/// Trust is never guessed from names: a tenant without a `rampart.dev/trust` label is taken as
/// trusted, and its origin says so.
public enum TenantInference {
    public static let tenantLabel = "rampart.dev/tenant"
    public static let trustLabel = "rampart.dev/trust"
    public static let isolationLabel = "rampart.dev/isolation"
    public static let nodePoolAnnotation = "rampart.dev/node-pool"
    public static let complianceAnnotation = "rampart.dev/compliance"
    static let capsuleGroup = "capsule.clastix.io"
    static let capsuleLabel = "capsule.clastix.io/tenant"
    static let hncTreeSuffix = ".tree.hnc.x-k8s.io/depth"

    /// The tenants of `inventory`; `platform` namespaces are never a tenant's.
    public static func infer(_ inventory: Inventory, platform: Set<String>) -> TenancyModel {
        var claimed = platform
        var tenants: [TenantSpec] = []
        let namespaces = inventory.namespaceNames.filter { !platform.contains($0) }
        func labels(_ namespace: String) -> [String: String] { inventory.namespaceLabels(namespace) ?? [:] }

        // 1. rampart.dev/tenant
        let byLabel = Dictionary(grouping: namespaces.filter { labels($0)[tenantLabel]?.isEmpty == false }) { labels($0)[tenantLabel] ?? "" }
        for name in byLabel.keys.sorted() {
            let members = byLabel[name] ?? []
            claimed.formUnion(members)
            tenants.append(fromRampartLabels(name, members: members, inventory: inventory))
        }

        // 2. Capsule
        var capsuleMembers: [String: [String]] = [:]
        for namespace in namespaces where !claimed.contains(namespace) {
            if let name = labels(namespace)[capsuleLabel] { capsuleMembers[name, default: []].append(namespace) }
        }
        let capsuleTenants = inventory.objects(ofKind: "Tenant", group: capsuleGroup)
        for object in capsuleTenants {
            for item in object.root["status"]?["namespaces"]?.items ?? [] {
                if let namespace = item.string, !claimed.contains(namespace), !(capsuleMembers[object.name]?.contains(namespace) ?? false) {
                    capsuleMembers[object.name, default: []].append(namespace)
                }
            }
        }
        for name in Set(capsuleMembers.keys).union(capsuleTenants.map(\.name)).sorted() where !tenants.contains(where: { $0.name == name }) {
            let members = (capsuleMembers[name] ?? []).sorted()
            claimed.formUnion(members)
            let object = capsuleTenants.first { $0.name == name }
            let pool = object?.root["spec"]?["nodeSelector"]?.stringMap ?? [:]
            let origin = object.map { "Capsule Tenant \($0.name) (\(where: $0))" } ?? "namespace label \(capsuleLabel)=\(name)"
            tenants.append(TenantSpec(name: name, namespaces: NamespaceMatcher(names: members, selector: LabelSelector(matchLabels: [capsuleLabel: name])),
                                      nodePool: pool.isEmpty ? nil : LabelSelector(matchLabels: pool),
                                      origin: origin + "; trust not declared: taken as trusted"))
        }

        // 3. HNC
        for (root, members) in hncTrees(namespaces.filter { !claimed.contains($0) }, inventory: inventory)
        where !tenants.contains(where: { $0.name == root }) {
            claimed.formUnion(members)
            tenants.append(TenantSpec(name: root, namespaces: NamespaceMatcher(names: members),
                                      origin: "HNC hierarchy rooted at namespace \(root); trust not declared: taken as trusted"))
        }
        return TenancyModel(platformNamespaces: platform.sorted(), tenants: tenants, source: "inferred")
    }

    private static func fromRampartLabels(_ name: String, members: [String], inventory: Inventory) -> TenantSpec {
        let objects = members.compactMap(inventory.namespace)
        let trusts = Set(objects.compactMap { $0.labels[trustLabel].flatMap(Trust.init(rawValue:)) })
        let trust: Trust = trusts.contains(.untrusted) ? .untrusted : .trusted
        let isolation = objects.compactMap { $0.labels[isolationLabel].flatMap(IsolationLevel.init(rawValue:)) }.max()
        let pool = objects.compactMap { $0.annotations[nodePoolAnnotation] }.first.map(parsePairs) ?? [:]
        let compliance = Set(objects.flatMap { ($0.annotations[complianceAnnotation] ?? "").split(separator: ",").map {
            String($0).trimmingSpaces
        } }).filter { !$0.isEmpty }.sorted()
        var origin = "namespace label \(tenantLabel)=\(name) on \(members.joined(separator: ", "))"
        if trusts.isEmpty { origin += "; trust not declared (label \(trustLabel)): taken as trusted" }
        return TenantSpec(name: name, namespaces: NamespaceMatcher(selector: LabelSelector(matchLabels: [tenantLabel: name])),
                          trust: trust, compliance: compliance, nodePool: pool.isEmpty ? nil : LabelSelector(matchLabels: pool),
                          declaredIsolation: isolation, origin: origin)
    }

    /// `k=v,k2=v2` as a map (entries without `=` are skipped).
    public static func parsePairs(_ text: String) -> [String: String] {
        var pairs: [String: String] = [:]
        for part in text.split(separator: ",") {
            let pieces = part.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces }
            if pieces.count == 2, !pieces[0].isEmpty { pairs[pieces[0]] = pieces[1] }
        }
        return pairs
    }

    /// Root namespace → every namespace of its tree (root included), for roots with descendants.
    private static func hncTrees(_ namespaces: [String], inventory: Inventory) -> [(String, [String])] {
        var parent: [String: String] = [:]
        for config in inventory.objects(ofKind: "HierarchyConfiguration", group: "hnc.x-k8s.io") {
            if let namespace = config.namespace, let value = config.root["spec"]?["parent"]?.string, !value.isEmpty {
                parent[namespace] = value
            }
        }
        var rootOf: [String: String] = [:]
        for namespace in namespaces {
            var deepest: (name: String, depth: Int)?
            for (key, value) in inventory.namespaceLabels(namespace) ?? [:] where key.hasSuffix(hncTreeSuffix) {
                let ancestor = String(key.dropLast(hncTreeSuffix.count))
                if let depth = Int(value), depth > (deepest?.depth ?? -1) { deepest = (ancestor, depth) }
            }
            var root = deepest.map(\.name) ?? namespace
            var visited: Set<String> = [root]
            while let next = parent[root], visited.insert(next).inserted { root = next }
            if deepest != nil || parent[namespace] != nil { rootOf[namespace] = root }
        }
        let trees = Dictionary(grouping: rootOf.keys, by: { rootOf[$0] ?? $0 })
        return trees.compactMap { root, members -> (String, [String])? in
            let all = Set(members + [root]).filter { namespaces.contains($0) }
            return all.count > 1 ? (root, all.sorted()) : nil
        }.sorted { $0.0 < $1.0 }
    }
}

extension String {
    /// The string without leading and trailing spaces.
    var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}

extension String.StringInterpolation {
    /// `file:line` of an object, or `live` for an object read from a cluster.
    mutating func appendInterpolation(where object: KubeObject) {
        appendLiteral("\(object.file ?? "live"):\(object.root.mark.line)")
    }
}
