import RampartLoading

/// Writes the objects Rampart owns into a cluster: each with server-side apply (field manager
/// `rampart`, conflicts forced: the objects are Rampart's alone), then deletes the objects of the
/// same resources that carry the owner label but were not applied this time (stale reports of an
/// earlier run). Only labelled objects of the given resources are ever deleted.
public enum ReportApplier {
    /// The field manager of every apply.
    public static let fieldManager = "rampart"

    /// What was written: `namespace/name` (or `name`) of each object applied and deleted.
    public struct Outcome: Sendable, Equatable {
        public var applied: [String] = []
        public var deleted: [String] = []
    }

    /// Applies `objects`, then prunes `resources` (in `namespace` only, when given) of objects
    /// labelled `owner` that were not among them.
    public static func apply(_ objects: [ManagedObject], pruning resources: [ManagedResource], namespace: String?,
                             owner: (key: String, value: String), client: KubeClient) async throws(KubeError) -> Outcome {
        var outcome = Outcome()
        for object in objects {
            let query = "?fieldManager=\(fieldManager)&force=true"
            let response = try await client.send(.PATCH, object.path + query, body: Array(object.manifest.utf8),
                                                 contentType: "application/apply-patch+yaml")
            try check(response, verb: "apply", what: describe(object.resource, object.namespace, object.name))
            outcome.applied.append(key(object.namespace, object.name))
        }
        let kept = Set(objects.map { "\($0.resource.resource)|\(key($0.namespace, $0.name))" })
        let selector = "?labelSelector=" + ManagedResource.escape(owner.key + "=" + owner.value)
        for resource in resources where namespace == nil || resource.namespaced {
            let list = try await client.get(resource.collection(namespace: namespace) + selector)
            try check(list, verb: "list", what: resource.resource)
            for (itemNamespace, name) in items(list.body) where !kept.contains("\(resource.resource)|\(key(itemNamespace, name))") {
                let response = try await client.send(.DELETE, resource.path(namespace: itemNamespace, name: name))
                if response.status == 404 { continue }
                try check(response, verb: "delete", what: describe(resource, itemNamespace, name))
                outcome.deleted.append(key(itemNamespace, name))
            }
        }
        return outcome
    }

    /// Namespace and name of every item of a list answer.
    static func items(_ body: [UInt8]) -> [(namespace: String?, name: String)] {
        let (documents, _) = ManifestLoader.documents(body, file: "list")
        return documents.first?["items"]?.items.compactMap { item in
            guard let name = item["metadata"]?["name"]?.string else { return nil }
            return (item["metadata"]?["namespace"]?.string, name)
        } ?? []
    }

    private static func key(_ namespace: String?, _ name: String) -> String {
        namespace.map { "\($0)/\(name)" } ?? name
    }

    private static func describe(_ resource: ManagedResource, _ namespace: String?, _ name: String) -> String {
        "\(resource.resource).\(resource.group) \(key(namespace, name))"
    }

    /// A refused write, worded with what to do about it.
    private static func check(_ response: KubeClient.Response, verb: String, what: String) throws(KubeError) {
        guard !(200..<300).contains(response.status) else { return }
        let reason: String
        switch response.status {
        case 404: reason = "the API server does not serve it: install the CRD first (deploy/crds/)"
        case 401: reason = "the credentials were refused"
        case 403: reason = "forbidden: the writer needs get, list, patch and delete on it"
        default: reason = "the API server answered \(response.status)"
        }
        throw KubeError("cannot \(verb) \(what): \(reason)")
    }
}
