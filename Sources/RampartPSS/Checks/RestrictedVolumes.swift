import RampartModel

extension PodSecurityCheck {
    /// Restricted: besides hostPath, the restricted level allows only volume types that do not
    /// reach outside the pod's own storage: configMap, csi, downwardAPI, emptyDir, ephemeral,
    /// image, persistentVolumeClaim, projected, secret. A volume with no source at all is
    /// defaulted to emptyDir by the API server before admission, so it is allowed.
    static let restrictedVolumes = PodSecurityCheck(id: "restrictedVolumes", level: .restricted, replaces: "hostPathVolumes",
                                                    revisions: [(0, restrictedVolumes1_0)])
}

private let allowedSources: Set<String> = [
    "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "image", "persistentVolumeClaim", "projected", "secret",
]

private let restrictedSources: Set<String> = [
    "hostPath", "gcePersistentDisk", "awsElasticBlockStore", "gitRepo", "nfs", "iscsi", "glusterfs", "rbd",
    "flexVolume", "cinder", "cephfs", "flocker", "fc", "azureFile", "vsphereVolume", "quobyte", "azureDisk",
    "photonPersistentDisk", "portworxVolume", "scaleIO", "storageos",
]

private func restrictedVolumes1_0(_ pod: PodView) -> CheckFailure? {
    var names: [String] = []
    var types: Set<String> = []
    var fields: [FieldPath] = []
    for (index, volume) in (pod.spec["volumes"]?.items ?? []).enumerated() {
        // A volume with an allowed source passes, whatever else it names.
        var restricted: [String] = []
        var allowed = false
        for entry in volume.entries where entry.key != "name" && !entry.value.isNull {
            if allowedSources.contains(entry.key) {
                allowed = true
                break
            }
            if restrictedSources.contains(entry.key) { restricted.append(entry.key) }
        }
        guard !allowed, let first = restricted.first else { continue }
        names.append(volume["name"]?.string ?? "")
        types.formUnion(restricted)
        fields.append(PodView.specPath.appending("volumes").appending(index: index).appending(first))
    }
    guard !names.isEmpty else { return nil }
    let detail = [Wording.pluralize("volume", "volumes", names.count), Wording.joinQuote(names),
                  Wording.pluralize("uses", "use", names.count),
                  Wording.pluralize("restricted volume type", "restricted volume types", types.count),
                  Wording.joinQuote(Wording.sortedUnique(types))].joined(separator: " ")
    return CheckFailure(reason: "restricted volume types", detail: detail, fields: fields)
}
