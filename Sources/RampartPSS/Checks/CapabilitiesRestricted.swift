import RampartModel

extension PodSecurityCheck {
    /// Restricted (v1.22+): containers must drop ALL capabilities and may add back only
    /// NET_BIND_SERVICE. From v1.25 Windows pods are exempt.
    static let capabilitiesRestricted = PodSecurityCheck(id: "capabilities_restricted", level: .restricted, replaces: "capabilities_baseline", revisions: [
        (22, dropAll),
        (25, { $0.isWindows ? nil : dropAll($0) }),
    ])
}

private let dropPath: FieldPath = "securityContext.capabilities.drop"
private let addPath: FieldPath = "securityContext.capabilities.add"

private func dropAll(_ pod: PodView) -> CheckFailure? {
    var missingDrop = Offenders()
    var adding = Offenders()
    var forbidden: Set<String> = []
    for container in pod.containers {
        let capabilities = container.securityContext?["capabilities"]
        if !(capabilities?["drop"]?.items ?? []).contains(where: { $0.string == "ALL" }) {
            missingDrop.add(container, field: container.path.appending(dropPath))
        }
        let added = (capabilities?["add"]?.items ?? []).map { $0.string ?? "" }.filter { $0 != "NET_BIND_SERVICE" }
        if !added.isEmpty {
            adding.add(container, field: container.path.appending(addPath))
            forbidden.formUnion(added)
        }
    }
    var details: [String] = []
    if !missingDrop.isEmpty {
        details.append("\(Wording.containers(missingDrop.names)) must set securityContext.capabilities.drop=[\"ALL\"]")
    }
    if !adding.isEmpty {
        details.append("\(Wording.containers(adding.names)) must not include \(Wording.joinQuote(Wording.sortedUnique(forbidden))) in securityContext.capabilities.add")
    }
    guard !details.isEmpty else { return nil }
    return CheckFailure(reason: "unrestricted capabilities", detail: details.joined(separator: "; "),
                        fields: missingDrop.fields + adding.fields)
}
