/// The indexed cluster: every loaded object by kind, namespace and name, the namespaces with their
/// labels, and every pod-bearing object with its pod template. Built once, read by every rule and engine.
public struct Inventory: Sendable {
    /// Identifies an object inside the inventory (API group, kind, namespace, name).
    public struct Key: Hashable, Sendable {
        public var group: String
        public var kind: String
        public var namespace: String
        public var name: String

        public init(group: String, kind: String, namespace: String?, name: String) {
            self.group = group
            self.kind = kind
            self.namespace = namespace ?? ""
            self.name = name
        }
    }

    /// Every object, in input order.
    public let objects: [KubeObject]
    /// Every pod-bearing object's pod template, in input order.
    public let podTemplates: [PodTemplate]
    /// The pod templates whose controller (owner reference with `controller: true`) is not among the
    /// inputs: a Deployment's, but not those of its ReplicaSets and Pods, which repeat it. Rules judge
    /// these, so one misconfiguration is reported once, where it is written.
    public let topLevelPodTemplates: [PodTemplate]
    private let indexByKey: [Key: Int]
    private let indicesByKind: [String: [Int]]
    private let namespaceObjects: [String: KubeObject]
    /// Every namespace name: declared by a Namespace object or used by a namespaced object, sorted.
    public let namespaceNames: [String]

    public init(objects: [KubeObject]) {
        self.objects = objects
        // The indexes on one core, the pod templates on the other.
        let (indexes, podTemplates) = Parallel.both({ Indexes(objects) }, { objects.compactMap(PodTemplate.init) })
        let indexByKey = indexes.indexByKey
        self.indexByKey = indexByKey
        indicesByKind = indexes.indicesByKind
        namespaceObjects = indexes.namespaceObjects
        namespaceNames = indexes.namespaceNames.sorted()
        self.podTemplates = podTemplates
        // Most controllers are found by their identity; the UIDs of the others are looked for.
        let controllers = podTemplates.concurrentMap(chunk: Self.templateChunk, scratch: {}) { template, _ -> ControllerLookup in
            guard let owner = template.object.controller else { return .none }
            let key = Key(group: owner.group, kind: owner.kind, namespace: template.object.namespace, name: owner.name)
            return indexByKey[key] == nil ? .notFound(uid: owner.uid) : .found
        }
        let present = Self.presentUIDs(Set(controllers.compactMap(\.unfoundUID)), in: objects)
        topLevelPodTemplates = zip(podTemplates, controllers).compactMap { template, controller in
            switch controller {
            case .none: template
            case .found: nil
            case .notFound(let uid): uid.map(present.contains) == true ? nil : template
            }
        }
    }

    /// Pod templates per unit of parallel work.
    private static let templateChunk = 1024

    /// Whether a pod template's controller (owner reference with `controller: true`) is among the inputs.
    private enum ControllerLookup {
        case none
        case found
        /// Not by its identity; it is if an object has its UID.
        case notFound(uid: String?)

        var unfoundUID: String? {
            if case .notFound(let uid) = self { return uid }
            return nil
        }
    }

    /// Those of `uids` that some object of `objects` has (no pass over the objects when none is asked
    /// for: the usual case).
    private static func presentUIDs(_ uids: Set<String>, in objects: [KubeObject]) -> Set<String> {
        guard !uids.isEmpty else { return [] }
        return Set(objects.lazy.compactMap { $0.metadata?["uid"]?.string }.filter(uids.contains))
    }

    /// The lookups by identity, kind and namespace, built in one pass over the objects.
    private struct Indexes: Sendable {
        var indexByKey: [Key: Int] = [:]
        var indicesByKind: [String: [Int]] = [:]
        var namespaceObjects: [String: KubeObject] = [:]
        var namespaceNames: Set<String> = []

        init(_ objects: [KubeObject]) {
            indexByKey.reserveCapacity(objects.count)
            for (index, object) in objects.enumerated() {
                let reference = object.reference
                indexByKey[Key(group: reference.group, kind: reference.kind, namespace: reference.namespace,
                               name: reference.name)] = index
                indicesByKind[reference.kind, default: []].append(index)
                if reference.kind == "Namespace", reference.group.isEmpty {
                    namespaceObjects[reference.name] = object
                    namespaceNames.insert(reference.name)
                }
                if let namespace = reference.namespace { namespaceNames.insert(namespace) }
            }
        }
    }

    /// Objects of `kind`, in input order; `group` restricts to one API group (nil: any group).
    public func objects(ofKind kind: String, group: String? = nil) -> [KubeObject] {
        let all = (indicesByKind[kind] ?? []).map { objects[$0] }
        guard let group else { return all }
        return all.filter { $0.reference.group == group }
    }

    /// The object with this identity, if it is among the inputs.
    public func object(group: String = "", kind: String, namespace: String?, name: String) -> KubeObject? {
        indexByKey[Key(group: group, kind: kind, namespace: namespace, name: name)].map { objects[$0] }
    }

    /// The Namespace object named `name`, if it is among the inputs.
    public func namespace(_ name: String) -> KubeObject? {
        namespaceObjects[name]
    }

    /// The labels of namespace `name`, or nil when its Namespace object is not among the inputs.
    public func namespaceLabels(_ name: String) -> [String: String]? {
        namespaceObjects[name]?.labels
    }

    /// The ServiceAccount `name` in `namespace`, if it is among the inputs.
    public func serviceAccount(namespace: String, name: String) -> KubeObject? {
        object(kind: "ServiceAccount", namespace: namespace, name: name)
    }
}
