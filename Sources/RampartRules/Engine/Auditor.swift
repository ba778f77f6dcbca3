import Dispatch
import RampartModel
import Synchronization

/// Runs rules over an inventory on every core and returns sorted findings.
public enum Auditor {
    /// Pods per unit of parallel work.
    static let podChunk = 256

    public static func audit(_ context: AuditContext, rules: [any Rule]) -> [Finding] {
        let podRules = rules.compactMap(\.podRule)
        let otherRules = rules.filter { $0.podRule == nil }
        let pods = context.inventory.topLevelPodTemplates
        let podChunks = stride(from: 0, to: pods.count, by: podChunk).map { $0..<min($0 + podChunk, pods.count) }
        let units = podChunks.count + otherRules.count
        let order = startOrder(otherRules)
        let results = Mutex<[[Finding]]>(Array(repeating: [], count: units))
        // Whole-inventory rules come first: the long shared analyses (tenancy, network, RBAC) start
        // at once on one core while the other cores work through the pod chunks.
        DispatchQueue.concurrentPerform(iterations: units) { started in
            var findings: [Finding] = []
            // Each rule's findings keep the rule's place, whatever the order the rules start in.
            let unit = started < otherRules.count ? order[started] : started
            if unit < otherRules.count {
                let rule = otherRules[unit]
                findings = rule.evaluate(in: context).map { Finding(rule: rule.metadata, violation: $0, benchmark: context.settings.benchmark) }
            } else {
                for pod in pods[podChunks[unit - otherRules.count]] {
                    for rule in podRules {
                        findings += rule.evaluate(pod, in: context).map { Finding(rule: rule.metadata, violation: $0, benchmark: context.settings.benchmark) }
                    }
                }
            }
            results.withLock { $0[unit] = findings }
        }
        return ReportOrder.sorted(results.withLock { $0 }.flatMap { $0 })
    }

    /// The positions of `rules` in the order they start: one rule of the tenancy verdict first (the
    /// verdict waits on the network, RBAC and escalation analyses, the audit's longest chain, which
    /// then runs while the other rules fill the cores), the verdict's other rules last (by then it
    /// is ready; started earlier, each would hold a core waiting for it), the rest in catalog order.
    static func startOrder(_ rules: [any Rule]) -> [Int] {
        let verdict = rules.indices.filter { rules[$0].readsTenancyVerdict }
        guard let first = verdict.first else { return Array(rules.indices) }
        return [first] + rules.indices.filter { !rules[$0].readsTenancyVerdict } + verdict.dropFirst()
    }
}
