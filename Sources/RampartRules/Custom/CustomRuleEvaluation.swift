import Foundation
import RampartCEL
import RampartClusterAdmission
import RampartModel
import RampartTenancy

/// One custom rule on one object: the bindings the expressions read, the variables in order, then
/// every validation, as the API server evaluates a ValidatingAdmissionPolicy whose failure policy is
/// `Fail` (an expression that cannot be evaluated, past the cost budget among them, is a finding).
struct CustomRuleEvaluation {
    let rule: CustomRule
    let object: KubeObject
    let namespace: KubeObject?
    let tenant: TenantSpec?

    func violations() -> [Violation] {
        var bindings: [String: CELValue] = [
            "object": ClusterAdmission.celValue(of: object),
            "oldObject": .null,
            "namespaceObject": namespace.map(ClusterAdmission.celValue(of:)) ?? .null,
            "params": .null,
            "tenant": tenant.map(Self.value(of:)) ?? .null,
        ]
        var variables: [(String, CELValue)] = []
        for variable in rule.variables {
            bindings["variables"] = .map(CELMap(stringKeys: variables))
            do {
                variables.append((variable.name, try variable.expression.evaluate(bindings)))
            } catch {
                return [violation(at: nil, "variable '\(variable.name)' could not be evaluated: \(shown(error, bindings))")]
            }
        }
        bindings["variables"] = .map(CELMap(stringKeys: variables))
        return zip(rule.validations, rule.validationFields).compactMap { validation, field in
            do {
                switch try validation.expression.evaluate(bindings) {
                case .bool(true): return nil
                case .bool(false): return violation(at: field, message(of: validation, bindings))
                case let other:
                    return violation(at: field, "expression `\(validation.expression.source)` must return a bool, not \(other.celType)")
                }
            } catch {
                return violation(at: field, "expression `\(validation.expression.source)` could not be evaluated: \(shown(error, bindings))")
            }
        }
    }

    /// The tenant as expressions read it: `tenant.name`, `tenant.trust` (`trusted` or `untrusted`).
    static func value(of tenant: TenantSpec) -> CELValue {
        .map(CELMap(stringKeys: [
            ("name", .string(tenant.name)),
            ("trust", .string(tenant.isUntrusted ? Trust.untrusted.rawValue : Trust.trusted.rawValue)),
        ]))
    }

    /// The message expression's string when it evaluates to a non-empty one, else the message, else
    /// `failed expression: EXPR`. Over a Secret the message expression is not evaluated: its text
    /// could quote the Secret's data into findings (`SecretGuard`).
    private func message(of validation: CustomRule.Validation, _ bindings: [String: CELValue]) -> String {
        if !SecretGuard.involvesSecret(bindings), let expression = validation.messageExpression,
           case .string(let text)? = try? expression.evaluate(bindings) {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty { return trimmed }
        }
        if let message = validation.message, !message.isEmpty { return message }
        return "failed expression: " + validation.expression.source.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The text of an evaluation error, withheld over a Secret (it may quote a value).
    private func shown(_ error: any Error, _ bindings: [String: CELValue]) -> String {
        SecretGuard.involvesSecret(bindings) ? SecretGuard.withheldError : "\(error)"
    }

    /// A finding at the field the expression reads, when it reads one, else at the object.
    private func violation(at field: FieldPath?, _ message: String) -> Violation {
        Violation(object: object, path: field ?? FieldPath(), message: message)
    }
}

extension AuditContext {
    /// The tenant whose namespaces include `namespace` (none for the platform's own namespaces).
    func tenant(ofNamespace namespace: String) -> TenantSpec? {
        guard isTenantNamespace(namespace) else { return nil }
        let model = tenancyModel
        guard !model.platformNamespaces.contains(namespace) else { return nil }
        if let known = tenantsOfNamespaces.tenants[namespace] { return known.map { model.tenants[$0] } }
        // A namespace with no Namespace object among the inputs.
        return model.tenants.first { $0.namespaces.matches(namespace, labels: [:]) }
    }

    /// The index in the model's tenants of the one whose namespaces include every Namespace of the
    /// inputs (nil: none), worked out once: rules ask it pod by pod.
    private var tenantsOfNamespaces: TenantsOfNamespaces {
        shared(TenantsOfNamespaces.self) { inventory in TenantsOfNamespaces(tenants: tenancyModel.firstTenants(in: inventory)) }
    }
}

/// By namespace: the index of the tenant it belongs to in the tenancy model, if any.
struct TenantsOfNamespaces: Sendable {
    let tenants: [String: Int?]
}
