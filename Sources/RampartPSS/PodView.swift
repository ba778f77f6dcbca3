import RampartModel

/// The pod as the checks read it: its metadata and spec nodes and every container (init,
/// regular, ephemeral — upstream's `visitContainers` order) with its path relative to the pod.
struct PodView {
    /// One container of the pod.
    final class Container {
        let name: String
        let node: Node
        /// The list the container is in (`containers`, `initContainers`, `ephemeralContainers`).
        let list: String
        let index: Int
        let securityContext: Node?

        init(name: String, node: Node, list: String, index: Int, securityContext: Node?) {
            self.name = name
            self.node = node
            self.list = list
            self.index = index
            self.securityContext = securityContext
        }

        /// `spec.containers[0]`, `spec.initContainers[1]`, `spec.ephemeralContainers[0]`
        /// (built only when a check reports the container).
        var path: FieldPath { PodView.specPath.appending(list).appending(index: index) }
    }

    let metadata: Node?
    let spec: Node
    let containers: [Container]

    static let specPath: FieldPath = "spec"
    static let podSecurityContextPath: FieldPath = "spec.securityContext"

    init(metadata: Node?, spec: Node) {
        self.metadata = metadata
        self.spec = spec
        var containers: [Container] = []
        for list in ["initContainers", "containers", "ephemeralContainers"] {
            guard let items = spec[list]?.items else { continue }
            for (index, node) in items.enumerated() {
                containers.append(Container(name: node["name"]?.string ?? "", node: node, list: list, index: index,
                                            securityContext: node["securityContext"]))
            }
        }
        self.containers = containers
    }

    var podSecurityContext: Node? { spec["securityContext"] }

    /// The pod's annotations, in source order (non-string values skipped).
    var annotations: [(key: String, value: String)] {
        (metadata?["annotations"]?.entries ?? []).compactMap { entry in
            guard case .scalar(let scalar) = entry.value.content else { return nil }
            return (entry.key, entry.value.isNull ? "" : scalar.text)
        }
    }

    static func annotationPath(_ key: String) -> FieldPath {
        FieldPath("metadata.annotations").appending(key)
    }

    /// True when `spec.os.name` is `windows` (checks that do not apply to Windows pods skip them).
    var isWindows: Bool { spec["os"]?["name"]?.string == "windows" }

    /// True when the pod runs in a user namespace (`spec.hostUsers: false`), upstream's
    /// `relaxPolicyForUserNamespacePod` since the user-namespace relaxation went GA (policy v1.35).
    var usesUserNamespace: Bool { spec["hostUsers"]?.bool == false }
}

extension Node {
    /// True when `key` is present with a value other than null (a Go pointer that is not nil).
    func has(_ key: String) -> Bool {
        guard let value = self[key] else { return false }
        return !value.isNull
    }
}
