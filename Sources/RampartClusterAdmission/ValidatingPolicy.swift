import RampartModel

/// A ValidatingAdmissionPolicy (admissionregistration.k8s.io v1 or v1beta1) with its expressions
/// compiled once: what it matches, its params kind, match conditions, variables, validations and
/// audit annotations.
public struct ValidatingPolicy: Sendable {
    /// One validation: the expression that must be true and what is said when it is not.
    struct Validation: Sendable {
        var expression: PolicyExpression
        var message: String?
        var messageExpression: PolicyExpression?
        /// `Invalid` unless the policy says otherwise.
        var reason: String
    }

    /// One audit annotation: its key and the expression of its value.
    struct AuditAnnotation: Sendable {
        var key: String
        var valueExpression: PolicyExpression
    }

    public let object: KubeObject
    public var name: String { object.name }
    /// Failure policy, params kind, match constraints and conditions, variables.
    let preamble: PolicyPreamble
    public var failurePolicy: FailurePolicy { preamble.failurePolicy }
    let validations: [Validation]
    let auditAnnotations: [AuditAnnotation]

    init(_ object: KubeObject) {
        self.object = object
        let spec = object.root["spec"]
        preamble = PolicyPreamble(spec)
        validations = PolicyPreamble.items(spec, "validations").compactMap { node, path in
            node["expression"].map { expression in
                Validation(expression: PolicyExpression(expression, at: path.appending("expression")),
                           message: node["message"]?.string,
                           messageExpression: node["messageExpression"].map {
                               PolicyExpression($0, at: path.appending("messageExpression"))
                           },
                           reason: node["reason"]?.string ?? "Invalid")
            }
        }
        auditAnnotations = PolicyPreamble.items(spec, "auditAnnotations").compactMap { node, path in
            guard let key = node["key"]?.string, let value = node["valueExpression"] else { return nil }
            return AuditAnnotation(key: key, valueExpression: PolicyExpression(value, at: path.appending("valueExpression")))
        }
    }

    /// Every expression that does not compile, at its line, in the API server's words.
    public var problems: [PolicyProblem] {
        var expressions = preamble.expressions
        expressions += validations.flatMap { [$0.expression] + ($0.messageExpression.map { [$0] } ?? []) }
        expressions += auditAnnotations.map(\.valueExpression)
        return PolicyPreamble.problems(of: expressions, in: object)
    }
}
