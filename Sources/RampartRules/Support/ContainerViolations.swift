import RampartModel

extension PodTemplate {
    /// One violation per container of `kinds` for which `check` returns a message (and notes), at
    /// `field` of that container (the container itself when `field` is nil).
    func containerViolations(_ kinds: [Container.Kind] = Container.Kind.allCases, field: String?,
                             _ check: (Container) -> (message: String, notes: [String])?) -> [Violation] {
        containers.filter { kinds.contains($0.kind) }.compactMap { container in
            guard let (message, notes) = check(container) else { return nil }
            let path = field.map { container.path.appending($0) } ?? container.path
            return Violation(object: object, path: path, message: message, notes: notes)
        }
    }

    /// As above, for checks whose violations need no notes.
    func containerViolations(_ kinds: [Container.Kind] = Container.Kind.allCases, field: String?,
                             _ check: (Container) -> String?) -> [Violation] {
        containerViolations(kinds, field: field) { container in check(container).map { ($0, []) } }
    }
}

extension Container {
    /// `container "name"` or `init container "name"`, as messages say it.
    var label: String {
        switch kind {
        case .container: "container \"\(name)\""
        case .initContainer: "init container \"\(name)\""
        case .ephemeralContainer: "ephemeral container \"\(name)\""
        }
    }
}
