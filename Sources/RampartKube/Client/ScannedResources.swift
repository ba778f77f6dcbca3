import RampartModel
import RampartRules

/// The resources Rampart reads from a cluster: exactly the kinds the rules of the catalog declare
/// they read (`Rule.reads`), plus the kinds the configuration's custom rules match (`kinds(of:)`). The same list makes the scanner's least-privilege ClusterRole
/// (`rampart scanner-rbac`), so a rule, the live reader and the scanner's RBAC cannot drift.
public enum ScannedResources {
    /// A resource by group and plural name.
    public struct Wanted: Sendable, Hashable {
        public var group: String
        public var name: String

        public init(group: String, name: String) {
            self.group = group
            self.name = name
        }
    }

    /// A kind some rule outside the catalog (a custom rule) judges, read wherever discovery finds it.
    public struct WantedKind: Sendable, Hashable {
        /// API groups (`""` the core group); empty: any group.
        public var groups: [String]
        public var kind: String

        public init(groups: [String], kind: String) {
            self.groups = groups
            self.kind = kind
        }

        /// True for a resource of `kind` in one of `groups`.
        func matches(group: String, kind: String) -> Bool {
            kind == self.kind && (groups.isEmpty || groups.contains(group))
        }
    }

    /// The kinds `rules` judge (custom rules: their `match.kinds` in their `match.apiGroups`, `*` any).
    public static func kinds(of rules: [CustomRule]) -> [WantedKind] {
        var seen: Set<WantedKind> = []
        return rules.flatMap { rule in
            let groups = rule.match.apiGroups.contains("*") ? [] : rule.match.apiGroups
            return rule.match.kinds.map { WantedKind(groups: groups, kind: $0) }
        }.filter { seen.insert($0).inserted }
    }

    /// Everything read by default. Secrets are read as metadata only.
    public static let all: [Wanted] = Catalog.kindsRead.map { Wanted(group: $0.group, name: $0.resource) }

    /// Resources listed with the metadata-only `PartialObjectMetadataList` representation.
    public static let metadataOnly: Set<Wanted> = [Wanted(group: "", name: ResourceKind.secrets.resource)]

    /// The `Accept` header that asks for metadata only, with plain JSON as the fallback of old servers.
    public static let metadataAccept = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json"
}
