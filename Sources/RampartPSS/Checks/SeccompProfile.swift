import RampartModel

/// What the seccomp checks share: which profile types are acceptable, and who set a bad one.
enum Seccomp {
    static let profileType: FieldPath = "seccompProfile.type"

    /// `securityContext.seccompProfile.type` of `container`.
    static func fieldPath(of container: PodView.Container) -> FieldPath {
        container.path.appending("securityContext").appending(profileType)
    }

    static func isValid(_ type: String) -> Bool {
        type == "RuntimeDefault" || type == "Localhost"
    }

    /// The pod and the containers that explicitly set `seccompProfile.type` to a bad value.
    struct ExplicitSettings {
        var podIsBad = false
        /// True when the pod sets a valid profile that containers inherit.
        var podIsValid = false
        var containers = Offenders()
        /// Containers that set no profile of their own.
        var unset: [PodView.Container] = []
        var badValues: Set<String> = []
        var fields: [FieldPath] = []

        init(_ pod: PodView) {
            if let profile = pod.podSetting("seccompProfile") {
                let type = profile["type"]?.string ?? ""
                if Seccomp.isValid(type) {
                    podIsValid = true
                } else {
                    podIsBad = true
                    badValues.insert(type)
                    fields.append(PodView.podSettingPath(Seccomp.profileType))
                }
            }
            for container in pod.containers {
                guard let profile = container.securityContext?["seccompProfile"], !profile.isNull else {
                    unset.append(container)
                    continue
                }
                let type = profile["type"]?.string ?? ""
                if !Seccomp.isValid(type) {
                    containers.add(container, field: Seccomp.fieldPath(of: container))
                    badValues.insert(type)
                }
            }
            fields += containers.fields
        }

        /// The failure for explicitly bad settings, if any.
        var failure: CheckFailure? {
            guard podIsBad || !containers.isEmpty else { return nil }
            return CheckFailure(
                reason: "seccompProfile",
                detail: "\(Wording.setters(pod: podIsBad, containers: containers.names)) must not set securityContext.seccompProfile.type to \(Wording.joinQuote(Wording.sortedUnique(badValues)))",
                fields: fields)
        }
    }
}
