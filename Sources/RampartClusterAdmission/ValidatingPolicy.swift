import RampartModel

/// A ValidatingAdmissionPolicy (admissionregistration.k8s.io v1 or v1beta1) with its expressions
/// compiled once: what it matches, its params kind, match conditions, variables, validations and
/// audit annotations.
public struct ValidatingPolicy: Sendable {
    /// A named expression: a match condition or a variable.
    struct Named: Sendable {
        var name: String
        var expression: PolicyExpression
    }

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
    public let failurePolicy: FailurePolicy
    /// `apiVersion` and `kind` of the params, when the policy takes any.
    let paramKind: (apiVersion: String, kind: String)?
    let constraints: MatchResources
    let matchConditions: [Named]
    let variables: [Named]
    let validations: [Validation]
    let auditAnnotations: [AuditAnnotation]

    init(_ object: KubeObject) {
        self.object = object
        let spec = object.root["spec"]
        failurePolicy = spec?["failurePolicy"]?.string.flatMap(FailurePolicy.init(rawValue:)) ?? .fail
        paramKind = spec?["paramKind"].flatMap { node in
            node["kind"]?.string.map { (apiVersion: node["apiVersion"]?.string ?? "", kind: $0) }
        }
        constraints = MatchResources(spec?["matchConstraints"])
        matchConditions = Self.named(spec, "matchConditions")
        variables = Self.named(spec, "variables")
        validations = Self.items(spec, "validations").compactMap { node, path in
            node["expression"].map { expression in
                Validation(expression: PolicyExpression(expression, at: path.appending("expression")),
                           message: node["message"]?.string,
                           messageExpression: node["messageExpression"].map {
                               PolicyExpression($0, at: path.appending("messageExpression"))
                           },
                           reason: node["reason"]?.string ?? "Invalid")
            }
        }
        auditAnnotations = Self.items(spec, "auditAnnotations").compactMap { node, path in
            guard let key = node["key"]?.string, let value = node["valueExpression"] else { return nil }
            return AuditAnnotation(key: key, valueExpression: PolicyExpression(value, at: path.appending("valueExpression")))
        }
    }

    /// The items of the list `spec.KEY`, each with its path.
    private static func items(_ spec: Node?, _ key: String) -> [(Node, FieldPath)] {
        (spec?[key]?.items ?? []).enumerated().map { ($1, FieldPath("spec").appending(key).appending(index: $0)) }
    }

    private static func named(_ spec: Node?, _ key: String) -> [Named] {
        items(spec, key).compactMap { node, path in
            node["expression"].map {
                Named(name: node["name"]?.string ?? "", expression: PolicyExpression($0, at: path.appending("expression")))
            }
        }
    }

    /// Every expression that does not compile, at its line, in the API server's words.
    public var problems: [PolicyProblem] {
        var expressions = matchConditions.map(\.expression) + variables.map(\.expression)
        expressions += validations.flatMap { [$0.expression] + ($0.messageExpression.map { [$0] } ?? []) }
        expressions += auditAnnotations.map(\.valueExpression)
        return expressions.compactMap { expression in
            guard case .failure(let error) = expression.program else { return nil }
            return PolicyProblem(object: object, path: expression.path,
                                 message: "expression `\(expression.source)` does not compile: \(error)")
        }
    }
}
