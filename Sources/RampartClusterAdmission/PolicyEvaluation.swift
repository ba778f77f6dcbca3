import Foundation
import RampartCEL
import RampartModel

/// Evaluates one policy through one binding with one params value on one request, as the API
/// server's validating policy plugin does: match conditions, then variables, then every validation;
/// evaluation failures follow the policy's failure policy.
struct PolicyEvaluation {
    let policy: ValidatingPolicy
    let binding: PolicyBinding
    /// `object`, `oldObject`, `request`, `namespaceObject` and `params` (variables are added here).
    let bindings: [String: CELValue]

    /// The failed validations (or evaluation failures under `Fail`), and the audit annotations.
    func run() -> (verdicts: [PolicyVerdict], annotations: [String: String]) {
        var bindings = bindings
        switch policy.preamble.conditionsHold(bindings) {
        case .failure(let failure): return (failed(shown(failure)).map { [$0] } ?? [], [:])
        case .success(false): return ([], [:])
        case .success(true): break
        }
        let (variables, variableFailures) = policy.preamble.evaluateVariables(bindings)
        bindings["variables"] = .map(CELMap(stringKeys: variables))
        var verdicts: [PolicyVerdict] = []
        for validation in policy.validations {
            switch validation.expression.evaluate(bindings) {
            case .success(.bool(true)):
                continue
            case .success(.bool(false)):
                verdicts.append(verdict(message: message(of: validation, bindings), reason: validation.reason, failed: false))
            case .success(let other):
                let failure = ExpressionFailure(expression: validation.expression.source,
                                                message: "expected a bool, got \(other.celType)")
                if let verdict = failed(shown(failure)) { verdicts.append(verdict) }
            case .failure(var failure):
                if let cause = validation.expression.variableReferences.lazy.compactMap({ variableFailures[$0] }).first {
                    failure = cause
                }
                if let verdict = failed(shown(failure)) { verdicts.append(verdict) }
            }
        }
        return (verdicts, annotations(bindings))
    }

    /// The message of a failed validation: its message expression's string when that evaluates to
    /// one without line breaks, else its message, else `failed expression: EXPR`.
    /// A message expression over a Secret may quote its data; such text never reaches an output, so
    /// on Secrets the static message (or the expression's source) is used instead.
    private func message(of validation: ValidatingPolicy.Validation, _ bindings: [String: CELValue]) -> String {
        if !SecretGuard.involvesSecret(bindings), let expression = validation.messageExpression,
           case .success(.string(let text)) = expression.evaluate(bindings) {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty, !trimmed.contains(where: \.isNewline) { return trimmed }
        }
        if let message = validation.message, !message.isEmpty { return message }
        return "failed expression: " + validation.expression.source.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func annotations(_ bindings: [String: CELValue]) -> [String: String] {
        var annotations: [String: String] = [:]
        guard !SecretGuard.involvesSecret(bindings) else { return annotations }
        for annotation in policy.auditAnnotations {
            if case .success(.string(let value)) = annotation.valueExpression.evaluate(bindings) {
                annotations[policy.name + "/" + annotation.key] = value
            }
        }
        return annotations
    }

    /// `failure` as it may be shown: over a Secret its text is withheld (it may quote the data).
    private func shown(_ failure: ExpressionFailure) -> ExpressionFailure {
        guard SecretGuard.involvesSecret(bindings) else { return failure }
        return ExpressionFailure(expression: failure.expression, message: SecretGuard.withheldError)
    }

    /// An evaluation failure: a verdict under `Fail`, nothing under `Ignore`. An expression that
    /// asks the authorizer where none is bound (the requester is not known) is not judged offline:
    /// its verdict is undetermined (no action), never a denial.
    func failed(_ failure: ExpressionFailure) -> PolicyVerdict? {
        if failure.expression.contains("authorizer"), bindings["authorizer"] == nil {
            var undetermined = verdict(message: "not evaluated offline: the expression asks the authorizer (\(failure.message))",
                                       reason: "Unknown", failed: true)
            undetermined.actions = []
            return undetermined
        }
        return policy.failurePolicy == .ignore ? nil : verdict(message: failure.description, reason: "Invalid", failed: true)
    }

    func verdict(message: String, reason: String, failed: Bool) -> PolicyVerdict {
        PolicyVerdict(policy: policy.name, binding: binding.name, actions: binding.actions, message: message,
                      reason: reason, evaluationFailed: failed)
    }
}
