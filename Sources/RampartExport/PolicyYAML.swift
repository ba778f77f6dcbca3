import Foundation
import RampartModel

/// Exported policies and bindings as Kubernetes objects (nodes that `YAMLWriter` writes).
enum PolicyYAML {
    private static let mark = SourceMark(line: 0, column: 0)

    /// A string (never read back as a number, boolean or null).
    static func string(_ text: String) -> Node { Node(.scalar(Scalar(text, isPlain: false)), mark: mark) }

    static func list(_ items: [String]) -> Node { Node(.sequence(items.map(string)), mark: mark) }

    /// A mapping of the entries whose values are given, in order.
    static func mapping(_ entries: [(String, Node?)]) -> Node {
        Node(.mapping(entries.compactMap { key, value in value.map { MappingEntry(key: key, keyMark: mark, value: $0) } }), mark: mark)
    }

    /// `text` as a CEL string literal.
    static func celString(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
            .replacingOccurrences(of: "\n", with: "\\n") + "'"
    }

    /// A label selector, or nil when it is empty (the field is then left out).
    static func selector(_ selector: LabelSelector) -> Node? {
        guard !selector.isEmpty else { return nil }
        let labels = selector.matchLabels.sorted { $0.key < $1.key }.map { ($0.key, Optional(string($0.value))) }
        let requirements = selector.requirements.map { requirement in
            mapping([("key", string(requirement.key)), ("operator", string(requirement.op.rawValue)),
                     ("values", requirement.values.isEmpty ? nil : list(requirement.values))])
        }
        return mapping([("matchLabels", labels.isEmpty ? nil : mapping(labels)),
                        ("matchExpressions", requirements.isEmpty ? nil : Node(.sequence(requirements), mark: mark))])
    }

    /// `metadata` of an exported object: its name, Rampart as manager, and its annotations.
    private static func metadata(_ name: String, annotations: [(String, String)]) -> Node {
        mapping([("name", string(name)), ("labels", mapping([("app.kubernetes.io/managed-by", string("rampart"))])),
                 ("annotations", annotations.isEmpty ? nil : mapping(annotations.map { ($0.0, string($0.1)) }))])
    }

    private static func object(kind: String, metadata: Node, spec: Node) -> Node {
        mapping([("apiVersion", string("admissionregistration.k8s.io/v1")), ("kind", string(kind)),
                 ("metadata", metadata), ("spec", spec)])
    }

    static func policy(_ policy: ExportedPolicy) -> Node {
        let rules = policy.resources.map { rule in
            mapping([("apiGroups", list(rule.groups)), ("apiVersions", list(["*"])), ("operations", list(policy.operations)),
                     ("resources", list(rule.resources))])
        }
        let constraints = mapping([("resourceRules", Node(.sequence(rules), mark: mark)),
                                   ("namespaceSelector", selector(policy.namespaceSelector)),
                                   ("objectSelector", selector(policy.objectSelector))])
        let variables = policy.variables.map { mapping([("name", string($0.name)), ("expression", string($0.expression))]) }
        let validations = policy.validations.map {
            mapping([("expression", string($0.expression)), ("messageExpression", string($0.messageExpression)),
                     ("reason", string("Invalid"))])
        }
        let spec = mapping([("failurePolicy", string(policy.failurePolicy)), ("matchConstraints", constraints),
                            ("variables", variables.isEmpty ? nil : Node(.sequence(variables), mark: mark)),
                            ("validations", Node(.sequence(validations), mark: mark))])
        return object(kind: "ValidatingAdmissionPolicy", metadata: metadata(policy.name, annotations: [("rampart.dev/rule", policy.rule.id)]),
                      spec: spec)
    }

    static func binding(_ binding: ExportedBinding) -> Node {
        let spec = mapping([("policyName", string(binding.policyName)), ("validationActions", list([binding.action])),
                            ("matchResources", selector(binding.namespaceSelector).map { mapping([("namespaceSelector", $0)]) })])
        return object(kind: "ValidatingAdmissionPolicyBinding",
                      metadata: metadata(binding.name, annotations: binding.tenant.map { [("rampart.dev/tenant", $0)] } ?? []),
                      spec: spec)
    }
}
