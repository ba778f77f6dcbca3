import Foundation
import RampartClusterAdmission
import RampartRules

/// A custom rule as a policy: its match, variables and validations as written, each message led by
/// the rule ID and the field the expression reads.
enum CustomRulePolicies {
    static func policy(for rule: CustomRule) -> Result<ExportedPolicy, NotExported> {
        let expressions = rule.variables.map(\.expression) + rule.validations.flatMap { [$0.expression] + ($0.messageExpression.map { [$0] } ?? []) }
        if expressions.contains(where: { $0.readsTenant }) {
            return .failure(NotExported(rule: rule.metadata.id, reason: "reads `tenant`, which the API server does not know"))
        }
        let groups = rule.match.apiGroups.isEmpty ? ["*"] : rule.match.apiGroups
        let resources = rule.match.kinds.map { kind in
            ExportedPolicy.Resources(groups: groups, resources: [KindResources.resource(group: groups.first ?? "", kind: kind)])
        }
        let validations = zip(rule.validations, rule.validationFields).map { validation, field in
            let lead = "'\(rule.metadata.id) at \(field?.description ?? "the object"): ' + "
            let message = validation.messageExpression.map { "(\($0.source.trimmingCharacters(in: .whitespacesAndNewlines)))" }
                ?? PolicyYAML.celString(validation.message ?? "failed expression: " + validation.expression.source)
            return ExportedPolicy.Validation(expression: validation.expression.source, messageExpression: lead + message)
        }
        return .success(ExportedPolicy(
            rule: rule.metadata, resources: resources,
            operations: rule.match.operations.isEmpty ? ["CREATE", "UPDATE"] : rule.match.operations,
            namespaceSelector: rule.match.namespaceSelector, objectSelector: rule.match.objectSelector,
            variables: rule.variables.map { ($0.name, $0.expression.source) }, validations: validations,
            tenants: rule.match.tenants.isEmpty ? nil : rule.match.tenants,
            trust: rule.match.trust.isEmpty ? nil : rule.match.trust.map(\.rawValue)))
    }
}
