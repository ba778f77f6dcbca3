import RampartModel

/// Withholds the literal credentials that `secrets.literal-in-configmap` and
/// `secrets.literal-in-env` find, for copies of objects that leave Rampart (`rampart snapshot`).
///
/// Each value is replaced by a marker that the same detection (`SecretShape.isLiteralSecret`, under
/// the same key name) still takes for a credential, so that an offline audit of the copy reports the
/// same findings at the same paths. The markers, tried in order, the first one recognised kept:
/// - `rampart-withheld-credential`, for values under a secret-sounding name (`DB_PASSWORD`);
/// - `RAMPART-withheld-key-material-0123456789`, shaped like key material, for key names
///   (`STORAGE_ACCOUNT_KEY`);
/// - `-----BEGIN RAMPART WITHHELD PRIVATE KEY-----`, for private keys in PEM under any name;
/// - for other values, the value's shortest prefix that the detection recognises (a token format
///   such as `AKIA` or `ghp_`, never more than `maximumKeptPrefix` characters) followed by the
///   first marker; failing that, the PEM marker.
/// When none is recognised (the detection changed), the first marker is written all the same and
/// the value is counted in `Result.unrecognised`. No part of a value is kept except such a prefix.
///
/// An object with a withheld value also loses its `kubectl.kubernetes.io/last-applied-configuration`
/// annotation, which repeats the values. Other places a credential can hide (container args, other
/// annotations) are not judged by these rules and are not changed.
public enum CredentialRedaction {
    public static let credentialMarker = "rampart-withheld-credential"
    public static let keyMaterialMarker = "RAMPART-withheld-key-material-0123456789"
    public static let privateKeyMarker = "-----BEGIN RAMPART WITHHELD PRIVATE KEY-----"
    /// The longest token prefix kept (`github_pat_` has 11 characters).
    public static let maximumKeptPrefix = 12
    static let lastApplied = "kubectl.kubernetes.io/last-applied-configuration"

    /// The redacted copy of an object and what was withheld.
    public struct Result: Sendable {
        public var root: Node
        /// Values replaced by a marker.
        public var withheld: Int
        /// Values replaced by a marker the detection no longer recognises: an offline audit will
        /// not report them.
        public var unrecognised: Int
    }

    /// The copy of `object` with every literal credential of its ConfigMap data or container env
    /// replaced by a marker; the object itself is returned unchanged when it has none.
    public static func redact(_ object: KubeObject) -> Result {
        var root = object.root
        var counts = Result(root: root, withheld: 0, unrecognised: 0)
        if object.kind == "ConfigMap" {
            root = updating(root, at: FieldPath("data").components[...]) { data in
                mappingWithheld(data, counting: &counts) { key in key }
            }
        }
        if let pod = PodTemplate(object) {
            for container in pod.containers {
                for (index, variable) in (container.node["env"]?.items ?? []).enumerated() {
                    guard let name = variable["name"]?.string else { continue }
                    let path = container.path.appending("env").appending(index: index)
                    root = updating(root, at: path.components[...]) { variable in
                        mappingWithheld(variable, counting: &counts) { key in key == "value" ? name : nil }
                    }
                }
            }
        }
        if counts.withheld > 0 {
            root = updating(root, at: FieldPath("metadata.annotations").components[...]) { annotations in
                Node(.mapping(annotations.entries.filter { $0.key != lastApplied }), mark: annotations.mark)
            }
        }
        counts.root = root
        return counts
    }

    /// The marker for a credential `value` under `name`, and whether the detection recognises it.
    public static func marker(name: String, value: String) -> (text: String, recognised: Bool) {
        let isPEM = value.contains("-----BEGIN")
        for candidate in [credentialMarker, keyMaterialMarker] + (isPEM ? [privateKeyMarker] : [])
        where SecretShape.isLiteralSecret(name: name, value: candidate) {
            return (candidate, true)
        }
        if !isPEM {
            var prefix = ""
            for character in value.prefix(maximumKeptPrefix) {
                prefix.append(character)
                if SecretShape.isLiteralSecret(name: name, value: prefix + credentialMarker) { return (prefix + credentialMarker, true) }
            }
        }
        if SecretShape.isLiteralSecret(name: name, value: privateKeyMarker) { return (privateKeyMarker, true) }
        return (credentialMarker, false)
    }

    /// `mapping` with the string value of each entry replaced by a marker when it is a literal
    /// credential under the name `nameOf(key)` gives (nil: the entry is not judged).
    private static func mappingWithheld(_ mapping: Node, counting result: inout Result,
                                        nameOf: (String) -> String?) -> Node {
        guard case .mapping(let entries) = mapping.content else { return mapping }
        var changed = false
        let redacted = entries.map { entry -> MappingEntry in
            guard let value = entry.value.string, let name = nameOf(entry.key),
                  SecretShape.isLiteralSecret(name: name, value: value) else { return entry }
            let marker = marker(name: name, value: value)
            result.withheld += 1
            if !marker.recognised { result.unrecognised += 1 }
            changed = true
            return MappingEntry(key: entry.key, keyMark: entry.keyMark,
                                value: Node(.scalar(Scalar(marker.text, isPlain: false)), mark: entry.value.mark))
        }
        return changed ? Node(.mapping(redacted), mark: mapping.mark) : mapping
    }

    /// `node` with `change` applied to the node at `path` (to every entry of a duplicated key);
    /// unchanged when the path does not exist.
    private static func updating(_ node: Node, at path: ArraySlice<FieldPath.Component>, _ change: (Node) -> Node) -> Node {
        guard let first = path.first else { return change(node) }
        let rest = path.dropFirst()
        switch (first, node.content) {
        case (.key(let key), .mapping(let entries)):
            guard entries.contains(where: { $0.key == key }) else { return node }
            return Node(.mapping(entries.map { entry in
                entry.key == key ? MappingEntry(key: key, keyMark: entry.keyMark, value: updating(entry.value, at: rest, change)) : entry
            }), mark: node.mark)
        case (.index(let index), .sequence(var items)) where items.indices.contains(index):
            items[index] = updating(items[index], at: rest, change)
            return Node(.sequence(items), mark: node.mark)
        default:
            return node
        }
    }
}
