/// A validation of a policy over objects of other kinds than pods: the resources it matches, the
/// expression, and the message after the rule ID (naming the field).
struct ObjectValidation {
    var resources: [ExportedPolicy.Resources]
    var expression: String
    var message: String
    var variables: [(name: String, expression: String)] = []
}
