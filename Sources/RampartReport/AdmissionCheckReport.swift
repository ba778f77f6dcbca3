import RampartClusterAdmission
import RampartLoading
import RampartModel

/// The answer of `rampart admission check`: for every object among the inputs, what the cluster's
/// own admission (its ValidatingAdmissionPolicies and Pod Security) would do, and the problems of
/// the admission configuration itself. JSON per DESIGN.md:
/// `{"results":[{"object":…,"decision":"admit|deny|warn","policies":[{"name","binding","action","message"}]}],
///   "mutations":[{"policy","binding","changedPaths","failure","rejects"}]}],
///   "configurationProblems":[…], "errors":[…]}`. Mutating policies run first; the validating
/// policies judge the mutated object.
public struct AdmissionCheckReport: AnswerReport {
    /// One policy verdict under one action, as the API server applies it.
    public struct PolicyEntry: Sendable, Encodable {
        public var name: String
        public var binding: String
        public var action: String
        public var message: String
        public var reason: String
    }

    /// What the Pod Security admission says.
    public struct PodSecurity: Sendable, Encodable {
        public var enforce: String
        public var enforced: Bool
        public var violations: [String]
        public var warnings: [String]
    }

    /// The verdict on one object.
    public struct Result: Sendable, Encodable {
        public var object: ObjectReference
        public var location: SourceLocation
        public var decision: AdmissionCheckResult.Decision
        public var policies: [PolicyEntry]
        /// What each mutating policy changed (or why it could not), in the order they ran.
        public var mutations: [MutationRecord]
        /// Policies that match but cannot be judged offline (they ask the authorizer), with why.
        public var undetermined: [String]
        public var auditAnnotations: [String: String]
        public var podSecurity: PodSecurity?
        public var webhook: Webhook?
    }

    /// Rampart's own webhook's decision.
    public struct Webhook: Sendable, Encodable {
        public var allowed: Bool
        public var messages: [String]
    }

    /// A problem of a policy or binding, at its line.
    public struct Problem: Sendable, Encodable {
        public var object: ObjectReference
        public var location: SourceLocation
        public var message: String
    }

    public var results: [Result]
    public var configurationProblems: [Problem]
    public var errors: [InputError]

    public init(results: [AdmissionCheckResult], problems: [PolicyProblem], errors: [InputError]) {
        self.results = results.map { result in
            Result(object: result.object.reference, location: result.object.location, decision: result.decision,
                   policies: result.policies.flatMap { verdict in
                       verdict.actions.map { action in
                           PolicyEntry(name: verdict.policy, binding: verdict.binding, action: action.rawValue,
                                       message: verdict.text(for: action), reason: verdict.reason)
                       }
                   },
                   mutations: result.mutations,
                   undetermined: result.policies.filter(\.actions.isEmpty).map { "\($0.policy): \($0.message)" },
                   auditAnnotations: result.auditAnnotations,
                   podSecurity: result.podSecurity.map {
                       PodSecurity(enforce: $0.enforce, enforced: $0.enforced, violations: $0.enforceViolations,
                                   warnings: $0.warnViolations)
                   },
                   webhook: result.webhook.map { Webhook(allowed: $0.allowed, messages: $0.messages) })
        }
        configurationProblems = problems.map { Problem(object: $0.object.reference, location: $0.location, message: $0.message) }
        self.errors = errors
    }

    /// An object the cluster would reject fails the run.
    public var failed: Bool { results.contains { $0.decision == .deny } }

    /// Input errors are part of `text`.
    public var diagnostics: [String] { [] }

    /// Input errors and configuration problems, then one line per object with what decided it.
    public var text: String {
        var lines = errors.map { "error: \($0.description)" }
        lines += configurationProblems.map { "policy problem: \($0.location.file ?? "-"):\($0.location.line): \($0.object): \($0.message)" }
        for result in results {
            let label: String
            switch result.decision {
            case .admit: label = "ADMIT"
            case .warn: label = "WARN "
            case .deny: label = "DENY "
            }
            lines.append("\(label) \(result.object)  \(result.location.file ?? "-"):\(result.location.line)")
            lines += result.mutations.map { mutation in
                mutation.denial.map { "        Deny: \($0)" }
                    ?? "        Mutate: \(mutation.policy) (binding \(mutation.binding)): "
                    + (mutation.failure.map { "not applied (failurePolicy Ignore): \($0)" } ?? mutation.changedPaths.joined(separator: ", "))
            }
            lines += result.policies.map { "        \($0.action): \($0.message)" }
            lines += result.undetermined.map { "        Unknown: \($0)" }
            if let pss = result.podSecurity {
                let effect = pss.enforced ? "Deny" : "Warn"
                lines += pss.violations.map { "        \(effect): pod security \(pss.enforce): \($0)" }
                lines += pss.warnings.map { "        Warn: pod security warn level: \($0)" }
            }
            if let webhook = result.webhook {
                lines += webhook.messages.map { "        \(webhook.allowed ? "Warn" : "Deny"): rampart webhook: \($0)" }
            }
        }
        let denied = results.count { $0.decision == .deny }
        let warned = results.count { $0.decision == .warn }
        lines.append("\(results.count) objects: \(results.count - denied - warned) admitted, \(warned) admitted with warnings, \(denied) denied")
        return lines.joined(separator: "\n")
    }
}
