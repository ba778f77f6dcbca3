import RampartModel

/// The configuration of the PodSecurity admission plugin: a `PodSecurityConfiguration` written on its
/// own, or embedded in an `AdmissionConfiguration` (apiserver.config.k8s.io) under the plugin named
/// `PodSecurity`. Holds the cluster-wide defaults for namespaces without labels, and the exemptions.
public struct PodSecurityAdmissionConfig: Sendable {
    public let object: KubeObject
    /// Path from the object's root to the `PodSecurityConfiguration` (empty when it stands alone).
    public let configurationPath: FieldPath

    /// Every PodSecurity configuration in `object` (none when it holds no such thing).
    public static func all(in object: KubeObject) -> [PodSecurityAdmissionConfig] {
        AdmissionPluginConfiguration.paths(in: object, plugin: "PodSecurity", kind: "PodSecurityConfiguration",
                                           group: "pod-security.admission.config.k8s.io")
            .map { PodSecurityAdmissionConfig(object: object, configurationPath: $0) }
    }

    /// The path of a field of the configuration.
    public func path(_ field: FieldPath) -> FieldPath { configurationPath.appending(field) }

    /// `defaults.enforce` (`privileged` when not set, as the plugin defaults it).
    public var defaultEnforce: String { object.root[path("defaults.enforce")]?.string ?? "privileged" }

    /// The exempted entries of `exemptions.<field>` (`usernames`, `namespaces`, `runtimeClasses`), with their paths.
    public func exemptions(_ field: String) -> [(value: String, path: FieldPath)] {
        let listPath = path("exemptions").appending(field)
        return (object.root[listPath]?.items ?? []).enumerated().compactMap { index, item in
            item.string.map { ($0, listPath.appending(index: index)) }
        }
    }
}
