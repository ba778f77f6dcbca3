import RampartModel

/// The containers a check objects to, and the fields at fault.
struct Offenders {
    var names: [String] = []
    var fields: [FieldPath] = []

    var isEmpty: Bool { names.isEmpty }

    mutating func add(_ container: PodView.Container, field: @autoclosure () -> FieldPath) {
        names.append(container.name)
        fields.append(field())
    }
}

extension PodView {
    /// Containers whose `securityContext.<field>` is bad; `isBad` receives nil when the field
    /// (or the security context) is absent. (Checks pass keys as `String` on the hot path: a
    /// `FieldPath` literal is parsed on every call.)
    func containers(setting field: FieldPath, where isBad: (Node?) -> Bool) -> Offenders {
        containers(where: isBad, value: { $0[field] }, path: field)
    }

    /// As above, for a field directly under `securityContext`.
    func containers(setting key: String, where isBad: (Node?) -> Bool) -> Offenders {
        containers(where: isBad, value: { $0[key] }, path: FieldPath([.key(key)]))
    }

    private func containers(where isBad: (Node?) -> Bool, value: (Node) -> Node?,
                            path: @autoclosure () -> FieldPath) -> Offenders {
        var offenders = Offenders()
        for container in containers {
            let setting = container.securityContext.flatMap(value)
            if isBad(setting.flatMap { $0.isNull ? nil : $0 }) {
                offenders.add(container, field: container.path.appending("securityContext").appending(path()))
            }
        }
        return offenders
    }

    /// The pod-level `spec.securityContext.<field>` when present and not null.
    func podSetting(_ field: FieldPath) -> Node? {
        podSecurityContext?[field].flatMap { $0.isNull ? nil : $0 }
    }

    /// The pod-level `spec.securityContext.<key>` when present and not null.
    func podSetting(_ key: String) -> Node? {
        podSecurityContext?[key].flatMap { $0.isNull ? nil : $0 }
    }

    /// The path of the pod-level `spec.securityContext.<field>`.
    static func podSettingPath(_ field: FieldPath) -> FieldPath {
        podSecurityContextPath.appending(field)
    }
}
