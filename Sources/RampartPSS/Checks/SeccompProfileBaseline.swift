import RampartModel

extension PodSecurityCheck {
    /// Baseline: if a seccomp profile is specified, only the runtime default and localhost
    /// profiles are allowed. v1.0–v1.18 read the alpha annotations (`runtime/default`,
    /// `docker/default`, `localhost/*`); v1.19+ read `securityContext.seccompProfile.type`
    /// (`RuntimeDefault`, `Localhost`, or unset).
    static let seccompProfileBaseline = PodSecurityCheck(id: "seccompProfile_baseline", level: .baseline, revisions: [
        (0, seccompAnnotations1_0),
        (19, { Seccomp.ExplicitSettings($0).failure }),
    ])
}

private let podAnnotation = "seccomp.security.alpha.kubernetes.io/pod"
private let containerAnnotationPrefix = "container.seccomp.security.alpha.kubernetes.io/"

private func seccompAnnotations1_0(_ pod: PodView) -> CheckFailure? {
    let annotations = Dictionary(pod.annotations, uniquingKeysWith: { _, last in last })
    var forbidden: [String: FieldPath] = [:]
    var keys = [podAnnotation]
    keys += pod.containers.map { containerAnnotationPrefix + $0.name }
    for key in keys {
        guard let value = annotations[key], !isAllowed(value) else { continue }
        forbidden["\(key)=\"\(value)\""] = PodView.annotationPath(key)
    }
    guard !forbidden.isEmpty else { return nil }
    let values = forbidden.keys.sorted()
    return CheckFailure(
        reason: "seccompProfile",
        detail: "forbidden \(Wording.pluralize("annotation", "annotations", values.count)) \(values.joined(separator: ", "))",
        fields: values.compactMap { forbidden[$0] })
}

private func isAllowed(_ value: String) -> Bool {
    value == "runtime/default" || value == "docker/default" || value.hasPrefix("localhost/")
}
