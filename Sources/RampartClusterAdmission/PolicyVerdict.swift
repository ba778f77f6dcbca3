/// What one policy, through one binding, decided about one request: nothing (it passed or did not
/// apply), or a failed validation (or an evaluation failure under `failurePolicy: Fail`) with the
/// binding's actions.
public struct PolicyVerdict: Sendable, Hashable, Encodable {
    public var policy: String
    public var binding: String
    /// The binding's actions (Deny, Warn, Audit) applied to this failure; none when the policy
    /// could not be judged offline (it asks the authorizer).
    public var actions: [ValidationAction]
    /// The API server's message: the validation's message, message expression, or the failure.
    public var message: String
    /// `Invalid`, `Forbidden`, … as the validation states it.
    public var reason: String
    /// True when the policy could not be evaluated (failurePolicy Fail), not a failed validation.
    public var evaluationFailed: Bool

    /// The text the API server returns for `action`.
    public func text(for action: ValidationAction) -> String {
        switch action {
        case .deny:
            return "ValidatingAdmissionPolicy '\(policy)' with binding '\(binding)' denied request: \(message)"
        case .warn:
            return "Validation failed for ValidatingAdmissionPolicy '\(policy)' with binding '\(binding)': \(message)"
        case .audit:
            return "ValidatingAdmissionPolicy '\(policy)' with binding '\(binding)' failed validation (audit): \(message)"
        }
    }
}
