import RampartModel

/// The containers a check objects to, and the fields at fault.
struct Offenders {
    var names: [String] = []
    var fields: [FieldPath] = []

    var isEmpty: Bool { names.isEmpty }

    mutating func add(_ container: PodView.Container, field: FieldPath) {
        names.append(container.name)
        fields.append(field)
    }
}

extension PodView {
    /// Containers whose `securityContext.<field>` is bad; `isBad` receives nil when the field
    /// (or the security context) is absent.
    func containers(setting field: FieldPath, where isBad: (Node?) -> Bool) -> Offenders {
        var offenders = Offenders()
        for container in containers {
            let value = container.securityContext.flatMap { $0[field] }
            if isBad(value.flatMap { $0.isNull ? nil : $0 }) {
                offenders.add(container, field: container.path.appending("securityContext").appending(field))
            }
        }
        return offenders
    }

    /// The pod-level `spec.securityContext.<field>` when present and not null.
    func podSetting(_ field: FieldPath) -> Node? {
        guard let value = podSecurityContext?[field], !value.isNull else { return nil }
        return value
    }

    /// The path of the pod-level `spec.securityContext.<field>`.
    static func podSettingPath(_ field: FieldPath) -> FieldPath {
        podSecurityContextPath.appending(field)
    }
}
