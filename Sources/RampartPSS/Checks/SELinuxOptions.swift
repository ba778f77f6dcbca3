import RampartModel

extension PodSecurityCheck {
    /// Baseline: setting the SELinux type is restricted, and setting a custom SELinux user or
    /// role is forbidden (`securityContext.seLinuxOptions` of the pod and every container).
    /// v1.31 added `container_engine_t` to the allowed types.
    static let seLinuxOptions = PodSecurityCheck(id: "seLinuxOptions", level: .baseline, revisions: [
        (0, { evaluateSELinuxOptions($0, allowedTypes: allowedTypes1_0) }),
        (31, { evaluateSELinuxOptions($0, allowedTypes: allowedTypes1_31) }),
    ])
}

private let allowedTypes1_0: Set<String> = ["", "container_t", "container_init_t", "container_kvm_t"]
private let allowedTypes1_31 = allowedTypes1_0.union(["container_engine_t"])

/// What is wrong in the options seen so far.
private struct SELinuxProblems {
    var types: Set<String> = []
    var user = false
    var role = false

    /// Records the problems of `options`; true when it has any.
    mutating func record(_ options: Node, allowedTypes: Set<String>) -> Bool {
        var bad = false
        let type = options["type"]?.string ?? ""
        if !allowedTypes.contains(type) {
            types.insert(type)
            bad = true
        }
        if !(options["user"]?.string ?? "").isEmpty {
            user = true
            bad = true
        }
        if !(options["role"]?.string ?? "").isEmpty {
            role = true
            bad = true
        }
        return bad
    }

    var description: String {
        var parts: [String] = []
        if !types.isEmpty {
            parts.append("\(Wording.pluralize("type", "types", types.count)) \(Wording.joinQuote(Wording.sortedUnique(types)))")
        }
        if user { parts.append("user may not be set") }
        if role { parts.append("role may not be set") }
        return parts.joined(separator: "; ")
    }
}

private let optionsPath: FieldPath = "securityContext.seLinuxOptions"

private func evaluateSELinuxOptions(_ pod: PodView, allowedTypes: Set<String>) -> CheckFailure? {
    var problems = SELinuxProblems()
    var fields: [FieldPath] = []
    var podIsBad = false
    if let options = pod.podSetting("seLinuxOptions"), problems.record(options, allowedTypes: allowedTypes) {
        podIsBad = true
        fields.append(PodView.podSettingPath("seLinuxOptions"))
    }
    var containers = Offenders()
    for container in pod.containers {
        guard let options = container.securityContext?["seLinuxOptions"], !options.isNull,
              problems.record(options, allowedTypes: allowedTypes) else { continue }
        containers.add(container, field: container.path.appending(optionsPath))
    }
    guard podIsBad || !containers.isEmpty else { return nil }
    return CheckFailure(
        reason: "seLinuxOptions",
        detail: "\(Wording.setters(pod: podIsBad, containers: containers.names)) set forbidden securityContext.seLinuxOptions: \(problems.description)",
        fields: fields + containers.fields)
}
