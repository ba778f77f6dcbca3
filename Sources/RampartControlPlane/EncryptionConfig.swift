import RampartModel

/// An `EncryptionConfiguration` (apiserver.config.k8s.io): for each group of resources, the providers
/// in order. The first provider encrypts every write; the others only decrypt.
public struct EncryptionConfig: Sendable {
    /// One provider of a `resources[i].providers` list.
    public struct Provider: Sendable {
        /// `identity`, `aescbc`, `aesgcm`, `secretbox` or `kms`.
        public var name: String
        /// For `kms`: the KMS API version (`v1` unless `apiVersion: v2`).
        public var kmsVersion: String?
        public var path: FieldPath

        /// True for `kms` with `apiVersion: v2`, the only KMS the API server still enables by default.
        public var isKMSv2: Bool { name == "kms" && kmsVersion == "v2" }
    }

    /// The entry of `resources` that decides how one resource is stored.
    public struct Entry: Sendable {
        public var index: Int
        public var providers: [Provider]
        public var path: FieldPath { FieldPath([.key("resources"), .index(index)]) }
    }

    public let object: KubeObject

    public init?(_ object: KubeObject) {
        guard object.kind == "EncryptionConfiguration", object.reference.group == "apiserver.config.k8s.io" else { return nil }
        self.object = object
    }

    /// The first entry whose `resources` list names `resource` of `group` (`secrets` with group ""),
    /// directly (`secrets`, `secrets.`) or by wildcard (`*.` for the core group, `*.GROUP`, `*.*`),
    /// as the API server matches them. Nil: the resource is stored unencrypted.
    public func entry(for resource: String, group: String) -> Entry? {
        let names: Set<String> = group.isEmpty ? [resource, resource + ".", "*.", "*.*"] : ["\(resource).\(group)", "*.\(group)", "*.*"]
        for (index, item) in (object.root["resources"]?.items ?? []).enumerated() {
            let listed = (item["resources"]?.items ?? []).compactMap(\.string)
            guard listed.contains(where: names.contains) else { continue }
            let providers = (item["providers"]?.items ?? []).enumerated().compactMap { position, provider -> Provider? in
                guard let name = provider.entries.first?.key else { return nil }
                return Provider(name: name, kmsVersion: name == "kms" ? (provider["kms"]?["apiVersion"]?.string ?? "v1") : nil,
                                path: FieldPath([.key("resources"), .index(index), .key("providers"), .index(position)]))
            }
            return Entry(index: index, providers: providers)
        }
        return nil
    }

    /// How Secrets are stored.
    public var secrets: Entry? { entry(for: "secrets", group: "") }
}
