import RampartModel

/// The Gateway API references that cross namespaces, each with whether a ReferenceGrant of the
/// target namespace allows it: route `backendRefs` (and request mirrors) to Services, Gateway
/// listeners' `certificateRefs` to Secrets. Without a grant a conformant controller refuses the
/// reference; one that does not check grants routes to (or serves the certificate of) another
/// namespace, perhaps another tenant's.
public struct CrossNamespaceReferences: Sendable {
    /// One reference from an object to an object of another namespace.
    public struct Reference: Sendable {
        public let from: KubeObject
        public let path: FieldPath
        public let group: String
        public let kind: String
        public let namespace: String
        public let name: String
        /// True when a ReferenceGrant of `namespace` allows it.
        public let granted: Bool

        /// `Service payments/api`.
        public var target: String { "\(kind) \(namespace)/\(name)" }
    }

    public let references: [Reference]

    public init(_ inventory: Inventory) {
        let grants = Dictionary(grouping: inventory.objects(ofKind: ResourceKind.referenceGrants.kind, group: ResourceKind.gatewayGroup)) {
            $0.namespace ?? ""
        }
        var references: [Reference] = []
        func add(_ from: KubeObject, _ ref: Node, _ path: FieldPath, defaultKind: String) {
            guard let name = ref["name"]?.string, let namespace = ref["namespace"]?.string,
                  let own = from.namespace, namespace != own else { return }
            let group = ref["group"]?.string ?? ""
            let kind = ref["kind"]?.string ?? defaultKind
            let granted = (grants[namespace] ?? []).contains { Self.grant($0, allows: from, toGroup: group, kind: kind, name: name) }
            references.append(Reference(from: from, path: path, group: group, kind: kind, namespace: namespace, name: name, granted: granted))
        }
        for kind in ResourceKind.gatewayRoutes {
            for route in inventory.objects(ofKind: kind.kind, group: kind.group) {
                for (ruleIndex, rule) in (route.root["spec"]?["rules"]?.items ?? []).enumerated() {
                    let rulePath = FieldPath("spec.rules").appending(index: ruleIndex)
                    for (index, ref) in (rule["backendRefs"]?.items ?? []).enumerated() {
                        add(route, ref, rulePath.appending("backendRefs").appending(index: index), defaultKind: "Service")
                    }
                    for (index, filter) in (rule["filters"]?.items ?? []).enumerated() {
                        if let ref = filter["requestMirror"]?["backendRef"] {
                            add(route, ref, rulePath.appending("filters").appending(index: index).appending("requestMirror"), defaultKind: "Service")
                        }
                    }
                }
            }
        }
        for gateway in inventory.objects(ofKind: ResourceKind.gateways.kind, group: ResourceKind.gatewayGroup) {
            for (listenerIndex, listener) in (gateway.root["spec"]?["listeners"]?.items ?? []).enumerated() {
                for (index, ref) in (listener["tls"]?["certificateRefs"]?.items ?? []).enumerated() {
                    let path = FieldPath("spec.listeners").appending(index: listenerIndex).appending("tls").appending("certificateRefs")
                    add(gateway, ref, path.appending(index: index), defaultKind: "Secret")
                }
            }
        }
        self.references = references
    }

    /// Whether `grant` lets objects of `from`'s group, kind and namespace refer to the named object.
    private static func grant(_ grant: KubeObject, allows from: KubeObject, toGroup group: String, kind: String, name: String) -> Bool {
        let spec = grant.root["spec"]
        let fromMatches = (spec?["from"]?.items ?? []).contains { entry in
            entry["group"]?.string ?? "" == from.reference.group && entry["kind"]?.string == from.kind
                && entry["namespace"]?.string == from.namespace
        }
        let toMatches = (spec?["to"]?.items ?? []).contains { entry in
            entry["group"]?.string ?? "" == group && entry["kind"]?.string == kind
                && (entry["name"]?.string).map { $0.isEmpty || $0 == name } ?? true
        }
        return fromMatches && toMatches
    }
}
