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
        // The indexes on one core, the pod templates and the objects' UIDs on the other.
        let (indexes, (podTemplates, uids)) = Parallel.both({ Indexes(objects) }, {
            (objects.compactMap(PodTemplate.init), Set(objects.compactMap { $0.metadata?["uid"]?.string }))
        })
        let indexByKey = indexes.indexByKey
        self.indexByKey = indexByKey
        indicesByKind = indexes.indicesByKind
        namespaceObjects = indexes.namespaceObjects
        namespaceNames = indexes.namespaceNames.sorted()
        self.podTemplates = podTemplates
        topLevelPodTemplates = podTemplates.filter { template in
            guard let owner = template.object.controller else { return true }
            if let uid = owner.uid, uids.contains(uid) { return false }
            return indexByKey[Key(group: owner.group, kind: owner.kind, namespace: template.object.namespace, name: owner.name)] == nil
        }
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
