import RampartModel

/// The parts of an `admission.k8s.io/v1` AdmissionRequest the decision needs. The objects stay
/// value trees (`Node`): nothing of their content is decoded that no rule reads.
public struct AdmissionRequest: Sendable {
    /// The operations the API server sends.
    public enum Operation: String, Sendable {
        case create = "CREATE", update = "UPDATE", delete = "DELETE", connect = "CONNECT"
    }

    /// The authenticated user who made the request.
    public struct UserInfo: Sendable, Equatable {
        public var username: String
        public var groups: [String]

        public init(username: String, groups: [String] = []) {
            self.username = username
            self.groups = groups
        }
    }

    /// Echoed in the response; the API server matches answers to requests by it.
    public var uid: String
    /// The object's API group and kind (`request.kind`).
    public var group: String
    public var kind: String
    /// The resource and subresource (`pods`, `ephemeralcontainers`).
    public var resource: String
    public var subResource: String?
    public var namespace: String?
    public var name: String?
    public var operation: Operation
    public var userInfo: UserInfo
    public var dryRun: Bool
    /// The object as it will be stored (CREATE, UPDATE), and as it was (UPDATE, DELETE).
    public var object: Node?
    public var oldObject: Node?

    public init(uid: String, group: String = "", kind: String, resource: String, subResource: String? = nil,
                namespace: String?, name: String?, operation: Operation, userInfo: UserInfo, dryRun: Bool = false,
                object: Node?, oldObject: Node? = nil) {
        self.uid = uid
        self.group = group
        self.kind = kind
        self.resource = resource
        self.subResource = subResource
        self.namespace = namespace
        self.name = name
        self.operation = operation
        self.userInfo = userInfo
        self.dryRun = dryRun
        self.object = object
        self.oldObject = oldObject
    }

    /// The members of a request that `init(_:)` reads (the parser builds no others), with the objects
    /// as the rules read them.
    static let fieldsRead = FieldSelection.members([
        "uid": .all, "kind": .all, "resource": .all, "subResource": .all, "namespace": .all, "name": .all,
        "operation": .all, "userInfo": .members(["username": .all, "groups": .all], others: .skip), "dryRun": .all,
        "object": .kubernetesObject, "oldObject": .kubernetesObject,
    ], others: .skip)

    /// Reads `review["request"]`; the error says which field is missing or wrong.
    init(_ request: Node) throws(AdmissionReviewError) {
        guard request.isMapping else { throw .invalid("request is not an object") }
        guard let uid = request["uid"]?.string, !uid.isEmpty else { throw .invalid("request.uid is missing") }
        guard let kind = request["kind"]?["kind"]?.string else { throw .invalid("request.kind.kind is missing") }
        guard let operationText = request["operation"]?.string else { throw .invalid("request.operation is missing") }
        guard let operation = Operation(rawValue: operationText) else {
            throw .invalid("request.operation must be CREATE, UPDATE, DELETE or CONNECT")
        }
        let group = request["kind"]?["group"]?.string ?? ""
        let subResource = request["subResource"]?.string.flatMap { $0.isEmpty ? nil : $0 }
        // What the decision judges must be readable: a review whose object it cannot read is
        // answered 400 (the API server applies the failure policy), never allowed unjudged.
        if operation == .create || operation == .update,
           subResource.map(AdmissionController.judgedSubresources.contains) ?? true {
            let version = request["kind"]?["version"]?.string
            try Self.check(request["object"], "request.object", group: group, version: version, kind: kind)
            if operation == .update {
                try Self.check(request["oldObject"], "request.oldObject", group: group, version: version, kind: kind)
            }
        }
        let user = request["userInfo"]
        self.init(uid: uid, group: group, kind: kind,
                  resource: request["resource"]?["resource"]?.string ?? "",
                  subResource: subResource,
                  namespace: request["namespace"]?.string.flatMap { $0.isEmpty ? nil : $0 },
                  name: request["name"]?.string.flatMap { $0.isEmpty ? nil : $0 },
                  operation: operation,
                  userInfo: UserInfo(username: user?["username"]?.string ?? "",
                                     groups: user?["groups"]?.items.compactMap(\.string) ?? []),
                  dryRun: request["dryRun"]?.bool ?? false,
                  object: request["object"].flatMap { $0.isMapping ? $0 : nil },
                  oldObject: request["oldObject"].flatMap { $0.isMapping ? $0 : nil })
    }

    /// The top-level members of known kinds whose JSON type the rules rely on, and whether each must
    /// be present. `metadata` is checked for every kind.
    static let members: [String: [(name: String, shape: Shape, required: Bool)]] = {
        var members: [String: [(name: String, shape: Shape, required: Bool)]] = [:]
        for kind in ResourceKind.podBearing where kind != .pods && kind != .podTemplates {
            members[kind.kind] = [("spec", .object, true)]
        }
        members["Pod"] = [("spec", .object, true)]
        members["PodTemplate"] = [("template", .object, true)]
        for kind in ["Service", "Namespace", "Node", "ResourceQuota", "LimitRange", "NetworkPolicy", "Ingress",
                     "FlowSchema", "PriorityLevelConfiguration", "PeerAuthentication", "Tenant", "HierarchyConfiguration"] {
            members[kind] = [("spec", .object, false)]
        }
        members["ConfigMap"] = [("data", .object, false), ("binaryData", .object, false)]
        members["Secret"] = [("data", .object, false), ("stringData", .object, false)]
        members["ServiceAccount"] = [("secrets", .array, false), ("imagePullSecrets", .array, false)]
        members["Role"] = [("rules", .array, false)]
        members["ClusterRole"] = [("rules", .array, false), ("aggregationRule", .object, false)]
        members["RoleBinding"] = [("subjects", .array, false), ("roleRef", .object, false)]
        members["ClusterRoleBinding"] = members["RoleBinding"]
        members["RuntimeClass"] = [("scheduling", .object, false), ("overhead", .object, false)]
        return members
    }()

    enum Shape: String { case object = "an object", array = "an array" }

    /// Throws unless `node` is an object of the request's kind whose metadata and kind-specific
    /// members have the JSON types the rules read.
    private static func check(_ node: Node?, _ field: String, group: String, version: String?, kind: String) throws(AdmissionReviewError) {
        guard let node else { throw .invalid("\(field) is missing") }
        guard node.isMapping else { throw .invalid("\(field) is \(describe(node)), not an object") }
        guard node["kind"]?.string == kind else { throw .invalid("\(field).kind does not match request.kind.kind") }
        let apiVersion = node["apiVersion"]?.string ?? ""
        let objectGroup = apiVersion.firstIndex(of: "/").map { String(apiVersion[..<$0]) } ?? ""
        let objectVersion = apiVersion.firstIndex(of: "/").map { String(apiVersion[apiVersion.index(after: $0)...]) } ?? apiVersion
        guard !apiVersion.isEmpty, objectGroup == group, version.map({ $0 == objectVersion }) ?? true else {
            throw .invalid("\(field).apiVersion does not match request.kind's group and version")
        }
        var expected: [(name: String, shape: Shape, required: Bool)] = [("metadata", .object, true)]
        if ResourceKind.known.contains(where: { $0.group == group && $0.kind == kind }) {
            expected += members[kind] ?? []
        }
        for member in expected {
            guard let value = node[member.name] else {
                if member.required { throw .invalid("\(field).\(member.name) is missing") }
                continue
            }
            let matches = member.shape == .object ? value.isMapping : value.isSequence
            guard matches else { throw .invalid("\(field).\(member.name) is \(describe(value)), not \(member.shape.rawValue)") }
        }
    }

    /// The JSON type of `node`, for a reason: names the type, never the content.
    private static func describe(_ node: Node) -> String {
        switch node.content {
        case .mapping: "an object"
        case .sequence: "an array"
        case .scalar(let scalar):
            if !scalar.isPlain { "a string" } else if node.isNull { "null" } else if node.bool != nil { "a boolean" } else { "a number" }
        }
    }
}
