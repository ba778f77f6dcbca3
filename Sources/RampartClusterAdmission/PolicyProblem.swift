import RampartModel

/// Something wrong with a policy or binding as written: an expression that does not compile, a
/// binding to a policy that does not exist, an unknown action. At the field that holds it.
public struct PolicyProblem: Sendable {
    public var object: KubeObject
    public var path: FieldPath
    public var message: String

    /// Where the field is written.
    public var location: SourceLocation { object.location(of: path) }
}
