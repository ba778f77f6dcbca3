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
        let user = request["userInfo"]
        self.init(uid: uid, group: request["kind"]?["group"]?.string ?? "", kind: kind,
                  resource: request["resource"]?["resource"]?.string ?? "",
                  subResource: request["subResource"]?.string.flatMap { $0.isEmpty ? nil : $0 },
                  namespace: request["namespace"]?.string.flatMap { $0.isEmpty ? nil : $0 },
                  name: request["name"]?.string.flatMap { $0.isEmpty ? nil : $0 },
                  operation: operation,
                  userInfo: UserInfo(username: user?["username"]?.string ?? "",
                                     groups: user?["groups"]?.items.compactMap(\.string) ?? []),
                  dryRun: request["dryRun"]?.bool ?? false,
                  object: request["object"].flatMap { $0.isMapping ? $0 : nil },
                  oldObject: request["oldObject"].flatMap { $0.isMapping ? $0 : nil })
    }
}
