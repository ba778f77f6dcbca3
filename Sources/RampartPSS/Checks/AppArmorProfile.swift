import RampartModel

extension PodSecurityCheck {
    /// Baseline: overriding or disabling the default AppArmor profile is forbidden.
    /// `securityContext.appArmorProfile.type` (pod and containers) must be unset, `RuntimeDefault`
    /// or `Localhost`; `container.apparmor.security.beta.kubernetes.io/*` annotations must be
    /// empty, `runtime/default` or `localhost/*` (all policy versions).
    static let appArmorProfile = PodSecurityCheck(id: "appArmorProfile", level: .baseline, revisions: [(0, appArmorProfile1_0)])
}

private let annotationPrefix = "container.apparmor.security.beta.kubernetes.io/"
private let profileType: FieldPath = "appArmorProfile.type"

private func appArmorProfile1_0(_ pod: PodView) -> CheckFailure? {
    var badValues: Set<String> = []
    var fields: [FieldPath] = []
    var setters: [String] = []
    if let profile = pod.podSetting("appArmorProfile"), let type = forbiddenType(profile) {
        setters.append("pod")
        badValues.insert(type)
        fields.append(PodView.podSettingPath(profileType))
    }
    var containers = Offenders()
    for container in pod.containers {
        guard let profile = container.securityContext?["appArmorProfile"], !profile.isNull,
              let type = forbiddenType(profile) else { continue }
        containers.add(container, field: container.path.appending("securityContext").appending(profileType))
        badValues.insert(type)
    }
    if !containers.isEmpty { setters.append(Wording.containers(containers.names)) }
    fields += containers.fields
    var annotations: [String] = []
    for (key, value) in pod.annotations where key.hasPrefix(annotationPrefix) && !allowedAnnotation(value) {
        annotations.append("\(key)=\"\(value)\"")
        fields.append(PodView.annotationPath(key))
    }
    var values = Wording.sortedUnique(badValues)
    if !annotations.isEmpty {
        values += annotations.sorted()
        setters.append(Wording.pluralize("annotation", "annotations", annotations.count))
    }
    guard !setters.isEmpty else { return nil }
    return CheckFailure(
        reason: Wording.pluralize("forbidden AppArmor profile", "forbidden AppArmor profiles", values.count),
        detail: "\(setters.joined(separator: " and ")) must not set AppArmor profile type to \(Wording.joinQuote(values))",
        fields: fields)
}

/// The profile's type when it is not one the baseline allows.
private func forbiddenType(_ profile: Node) -> String? {
    let type = profile["type"]?.string ?? ""
    return type == "RuntimeDefault" || type == "Localhost" ? nil : type
}

private func allowedAnnotation(_ value: String) -> Bool {
    value.isEmpty || value == "runtime/default" || value.hasPrefix("localhost/")
}
