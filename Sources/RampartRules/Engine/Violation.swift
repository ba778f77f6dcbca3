import RampartModel

/// What a rule reports: the object, the exact field, and a message. The audit turns it into a
/// `Finding` with the rule's metadata. Messages must never contain a secret value.
public struct Violation: Sendable {
    public var object: KubeObject
    public var path: FieldPath
    public var message: String
    /// Facts the reader needs to trust the finding, e.g. which admission default was applied.
    public var notes: [String]

    public init(object: KubeObject, path: FieldPath, message: String, notes: [String] = []) {
        self.object = object
        self.path = path
        self.message = message
        self.notes = notes
    }
}
