import RampartModel

/// Writes exported policies and bindings as YAML documents. Every string is written double-quoted
/// with JSON's escapes, which YAML reads back exactly (expressions keep their quotes and newlines).
enum PolicyYAML {
    /// `s` as a YAML (and JSON) double-quoted scalar.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// `text` as a CEL string literal.
    static func celString(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
            .replacingOccurrences(of: "\n", with: "\\n") + "'"
    }

    static func list(_ items: [String]) -> String {
        "[" + items.map(quoted).joined(separator: ", ") + "]"
    }

    /// A selector as the lines of a mapping indented by `indent`, or nothing when it is empty.
    static func selector(_ key: String, _ selector: LabelSelector, indent: String) -> String {
        guard !selector.isEmpty else { return "" }
        var text = "\(indent)\(key):\n"
        if !selector.matchLabels.isEmpty {
            text += "\(indent)  matchLabels:\n"
            for (label, value) in selector.matchLabels.sorted(by: { $0.key < $1.key }) {
                text += "\(indent)    \(quoted(label)): \(quoted(value))\n"
            }
        }
        if !selector.requirements.isEmpty {
            text += "\(indent)  matchExpressions:\n"
            for requirement in selector.requirements {
                text += "\(indent)  - {key: \(quoted(requirement.key)), operator: \(requirement.op.rawValue)"
                text += requirement.values.isEmpty ? "}\n" : ", values: \(list(requirement.values))}\n"
            }
        }
        return text
    }

    static func policy(_ policy: ExportedPolicy) -> String {
        var text = """
            apiVersion: admissionregistration.k8s.io/v1
            kind: ValidatingAdmissionPolicy
            metadata:
              name: \(policy.name)
              labels: {app.kubernetes.io/managed-by: rampart}
              annotations: {rampart.dev/rule: \(quoted(policy.rule.id))}
            spec:
              failurePolicy: \(policy.failurePolicy)
              matchConstraints:
                resourceRules:

            """
        for rule in policy.resources {
            text += "    - apiGroups: \(list(rule.groups))\n"
            text += "      apiVersions: [\"*\"]\n"
            text += "      operations: \(list(policy.operations))\n"
            text += "      resources: \(list(rule.resources))\n"
        }
        text += selector("namespaceSelector", policy.namespaceSelector, indent: "    ")
        text += selector("objectSelector", policy.objectSelector, indent: "    ")
        if !policy.variables.isEmpty {
            text += "  variables:\n"
            for variable in policy.variables {
                text += "  - name: \(quoted(variable.name))\n    expression: \(quoted(variable.expression))\n"
            }
        }
        text += "  validations:\n"
        for validation in policy.validations {
            text += "  - expression: \(quoted(validation.expression))\n"
            text += "    messageExpression: \(quoted(validation.messageExpression))\n"
            text += "    reason: Invalid\n"
        }
        return text
    }

    static func binding(_ binding: ExportedBinding) -> String {
        var text = """
            apiVersion: admissionregistration.k8s.io/v1
            kind: ValidatingAdmissionPolicyBinding
            metadata:
              name: \(binding.name)
              labels: {app.kubernetes.io/managed-by: rampart}

            """
        if let tenant = binding.tenant { text += "  annotations: {rampart.dev/tenant: \(quoted(tenant))}\n" }
        text += "spec:\n  policyName: \(binding.policyName)\n  validationActions: [\(binding.action)]\n"
        text += "  matchResources:\n"
        text += selector("namespaceSelector", binding.namespaceSelector, indent: "    ")
        return text
    }
}
