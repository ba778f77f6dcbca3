import RampartModel

extension PodSecurityCheck {
    /// Baseline: hostPath volumes must be forbidden (`spec.volumes[*].hostPath` unset).
    static let hostPathVolumes = PodSecurityCheck(id: "hostPathVolumes", level: .baseline, revisions: [(0, hostPathVolumes1_0)])
}

private func hostPathVolumes1_0(_ pod: PodView) -> CheckFailure? {
    var names: [String] = []
    var fields: [FieldPath] = []
    for (index, volume) in (pod.spec["volumes"]?.items ?? []).enumerated() where volume.has("hostPath") {
        names.append(volume["name"]?.string ?? "")
        fields.append(PodView.specPath.appending("volumes").appending(index: index).appending("hostPath"))
    }
    guard !names.isEmpty else { return nil }
    return CheckFailure(reason: "hostPath volumes",
                        detail: "\(Wording.pluralize("volume", "volumes", names.count)) \(Wording.joinQuote(names))",
                        fields: fields)
}
