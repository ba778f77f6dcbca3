import RampartModel
import RampartPSS

/// Every pod of the inventory judged once against the Pod Security Standards, shared by the
/// `pss.*` rules (each reports the violations of its own check).
///
/// The level a pod is judged at follows its namespace:
/// - the Namespace is among the inputs with a `pod-security.kubernetes.io/enforce` label: that
///   label and its `-version` (resolved as the admission does: an invalid level is `restricted`,
///   an invalid version `latest`); `privileged` means no pod findings there — the namespace itself
///   is reported by `pss.namespace-not-enforced` when tenants use it;
/// - otherwise a tenant namespace is judged at `restricted:latest`: the level tenant namespaces
///   should enforce, so users see every gap before they add the label;
/// - otherwise (a platform namespace without label) at `baseline:latest`: system components often
///   need more than restricted allows, but nothing should need more than baseline without an
///   explicit `privileged` label.
///
/// Each finding says in a note which level was used and why.
struct PodSecurityAnalysis: Sendable {
    /// One failed check on one pod.
    struct Failure: Sendable {
        let pod: PodTemplate
        let violation: CheckViolation
        let note: String
    }

    /// Failures by check ID, in inventory order.
    let failuresByCheck: [String: [Failure]]

    init(_ context: AuditContext) {
        let inventory = context.inventory
        var failures: [String: [Failure]] = [:]
        var modes: [String: (LevelVersion, String)] = [:]
        for pod in inventory.podTemplates {
            let namespace = pod.namespace
            let (mode, note): (LevelVersion, String)
            if let known = modes[namespace] {
                (mode, note) = known
            } else {
                (mode, note) = Self.mode(of: namespace, in: context)
                modes[namespace] = (mode, note)
            }
            for violation in PodSecurity.evaluate(pod, level: mode.level, version: mode.version) {
                failures[violation.check, default: []].append(Failure(pod: pod, violation: violation, note: note))
            }
        }
        failuresByCheck = failures
    }

    /// The level and version pods of `namespace` are judged at, and the note that explains it.
    static func mode(of namespace: String, in context: AuditContext) -> (LevelVersion, String) {
        if let labels = context.inventory.namespaceLabels(namespace), NamespacePolicy.hasEnforceLabel(labels) {
            let enforce = NamespacePolicy(labels: labels).enforce
            return (enforce, "judged at \(enforce), the enforce label of namespace '\(namespace)'")
        }
        let tenant = context.isTenantNamespace(namespace)
        let mode = LevelVersion(level: tenant ? .restricted : .baseline, version: .latest)
        let kind = tenant ? "tenant" : "platform"
        return (mode, "judged at \(mode): \(kind) namespace '\(namespace)' has no enforce label among the inputs")
    }

    /// The violations of check `id`, one per pod, at the first offending field.
    func violations(of id: String) -> [Violation] {
        (failuresByCheck[id] ?? []).map { failure in
            let field = failure.violation.fields.first ?? "spec"
            return Violation(object: failure.pod.object, path: failure.pod.templatePath.appending(field),
                             message: "\(failure.violation.reason): \(failure.violation.detail)",
                             notes: [failure.note])
        }
    }
}

extension AuditContext {
    /// The Pod Security judgement of every pod, computed once per audit.
    var podSecurity: PodSecurityAnalysis {
        shared(PodSecurityAnalysis.self) { _ in PodSecurityAnalysis(self) }
    }
}
