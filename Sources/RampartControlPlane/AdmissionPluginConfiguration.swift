import RampartModel

/// Where an admission plugin's configuration sits in the inputs: embedded in an `AdmissionConfiguration`
/// (apiserver.config.k8s.io, the file of `--admission-control-config-file`) under the plugin's name, or
/// written on its own as a document of the plugin's configuration group.
enum AdmissionPluginConfiguration {
    /// The paths, from `object`'s root, of the configurations of `plugin` that `object` holds: the whole
    /// object when it is a `kind` document of `group`, each embedded `plugins[i].configuration` when it
    /// is an AdmissionConfiguration, else none.
    static func paths(in object: KubeObject, plugin: String, kind: String, group: String) -> [FieldPath] {
        if object.kind == kind, object.reference.group == group { return [FieldPath()] }
        guard object.kind == "AdmissionConfiguration", ["apiserver.config.k8s.io", "apiserver.k8s.io"].contains(object.reference.group)
        else { return [] }
        return (object.root["plugins"]?.items ?? []).enumerated().compactMap { index, entry in
            guard entry["name"]?.string == plugin, entry["configuration"]?.isMapping == true else { return nil }
            return FieldPath([.key("plugins"), .index(index), .key("configuration")])
        }
    }
}
