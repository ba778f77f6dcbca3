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
    /// One failed check on one pod, and the level it was judged at.
    struct Failure: Sendable {
        let pod: PodTemplate
        let violation: CheckViolation
        let mode: LevelVersion
        let source: ModeSource

        /// Which level was used and why (written only for findings: most pods have none).
        var note: String {
            switch source {
            case .enforceLabel: "judged at \(mode), the enforce label of namespace '\(pod.namespace)'"
            case .tenant: "judged at \(mode): tenant namespace '\(pod.namespace)' has no enforce label among the inputs"
            case .platform: "judged at \(mode): platform namespace '\(pod.namespace)' has no enforce label among the inputs"
            }
        }
    }

    /// Where a namespace's level comes from.
    enum ModeSource: Sendable {
        case enforceLabel, tenant, platform
    }

    /// Failures by check ID, in inventory order. Only top-level pod templates are judged: a Deployment,
    /// not again its ReplicaSets and Pods.
    let failuresByCheck: [String: [Failure]]

    /// Pods per unit of parallel judging.
    static let podChunk = 256

    init(_ context: AuditContext) {
        // Pods are judged on every core (each chunk keeps the levels of the namespaces it met), and
        // their failures gathered in inventory order.
        let judged = context.inventory.topLevelPodTemplates.concurrentMap(
            chunk: Self.podChunk, scratch: { [String: (LevelVersion, ModeSource)]() }
        ) { pod, modes in
            let known = modes[pod.namespace] ?? Self.mode(of: pod.namespace, in: context)
            modes[pod.namespace] = known
            return PodSecurity.evaluate(pod, level: known.0.level, version: known.0.version).map {
                Failure(pod: pod, violation: $0, mode: known.0, source: known.1)
            }
        }
        var failures: [String: [Failure]] = [:]
        for failure in judged.joined() { failures[failure.violation.check, default: []].append(failure) }
        failuresByCheck = failures
    }

    /// The level and version pods of `namespace` are judged at, and where it comes from.
    static func mode(of namespace: String, in context: AuditContext) -> (LevelVersion, ModeSource) {
        if let labels = context.inventory.namespaceLabels(namespace), NamespacePolicy.hasEnforceLabel(labels) {
            return (NamespacePolicy(labels: labels).enforce, .enforceLabel)
        }
        let tenant = context.isTenantNamespace(namespace)
        return (LevelVersion(level: tenant ? .restricted : .baseline, version: .latest), tenant ? .tenant : .platform)
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
