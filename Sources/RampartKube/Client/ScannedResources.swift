import RampartModel
import RampartRules

/// The resources Rampart reads from a cluster: exactly the kinds the rules of the catalog declare
/// they read (`Rule.reads`). The same list makes the scanner's least-privilege ClusterRole
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

    /// Everything read by default. Secrets are read as metadata only.
    public static let all: [Wanted] = Catalog.kindsRead.map { Wanted(group: $0.group, name: $0.resource) }

    /// Resources listed with the metadata-only `PartialObjectMetadataList` representation.
    public static let metadataOnly: Set<Wanted> = [Wanted(group: "", name: ResourceKind.secrets.resource)]

    /// The `Accept` header that asks for metadata only, with plain JSON as the fallback of old servers.
    public static let metadataAccept = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json"
}
