import RampartModel
import RampartRules

/// A finding the policy set aside, and on whose word.
public struct SuppressedFinding: Sendable, Codable, Hashable {
    /// Who granted the exception.
    public enum Source: String, Sendable, Codable {
        /// The platform team's configuration file: always applies.
        case config
        /// The object owner's `rampart.dev/ignore` annotation: a claim, shown as such.
        case annotation
        /// Recorded in the baseline report: not new.
        case baseline
    }

    public var finding: Finding
    public var source: Source
    public var reason: String
    public var expires: String?
}

/// Something the reader must know about the policy itself, e.g. an exception that expired.
public struct PolicyNotice: Sendable, Codable, Hashable {
    public var file: String?
    public var line: Int?
    public var message: String
}

/// The findings after the policy: those that count, those set aside, and notices.
public struct PolicyOutcome: Sendable {
    public var findings: [Finding]
    public var suppressed: [SuppressedFinding]
    public var notices: [PolicyNotice]
}

/// Applies a configuration (severity overrides, exceptions, owners' annotations) and a baseline to findings.
public enum PolicyEngine {
    /// The annotation by which an object's owner claims an exception: `"RULE-ID: reason"`, one per line.
    public static let ignoreAnnotation = "rampart.dev/ignore"

    /// `findings` in report order (as `Auditor` returns them); `today` is `YYYY-MM-DD`; exceptions
    /// past their expiry stop applying and are noticed.
    public static func apply(_ findings: [Finding], config: PolicyConfig, inventory: Inventory,
                             baseline: Baseline?, today: String) -> PolicyOutcome {
        var outcome = PolicyOutcome(findings: [], suppressed: [], notices: [])
        for exception in config.exceptions where exception.isExpired(today: today) {
            outcome.notices.append(PolicyNotice(
                file: config.file, line: exception.line,
                message: "exception for '\(exception.rule)' expired on \(exception.expires ?? ""); it no longer applies"))
        }
        let active = config.exceptions.filter { !$0.isExpired(today: today) }
        let claims = config.honourAnnotations ? annotationClaims(inventory) : [:]
        // Findings come in report order; only a severity the configuration overrides can change it.
        var reordered = false
        for var finding in findings {
            let written = finding.severity
            let judgement = judge(&finding, config: config, exceptions: active, claims: claims.isEmpty ? [:] : claims[finding.object] ?? [:])
            if finding.severity != written { reordered = true }
            switch judgement {
            case .excepted(let exception):
                outcome.suppressed.append(SuppressedFinding(finding: finding, source: .config, reason: exception.reason,
                                                            expires: exception.expires))
            case .claimed(let reason):
                outcome.suppressed.append(SuppressedFinding(finding: finding, source: .annotation, reason: reason, expires: nil))
            case .counts where baseline?.contains(finding) == true:
                outcome.suppressed.append(SuppressedFinding(finding: finding, source: .baseline,
                                                            reason: "recorded in the baseline", expires: nil))
            case .counts:
                outcome.findings.append(finding)
            }
        }
        if reordered { outcome.findings = ReportOrder.sorted(outcome.findings) }
        return outcome
    }

    /// What the platform's policy says about one finding.
    public enum Judgement: Sendable {
        /// Nothing sets it aside.
        case counts
        /// An exception of the platform's configuration covers it: always applies.
        case excepted(PolicyException)
        /// The object's owner claims an exception by annotation, and the caller honours claims here.
        case claimed(reason: String)
    }

    /// The one decision that `audit` and the admission webhook both apply to each finding: the
    /// configuration's severity override (applied to `finding`), then its active `exceptions`, then
    /// the owner's `claims` (rule ID or `*` → reason; empty where claims are not honoured).
    public static func judge(_ finding: inout Finding, config: PolicyConfig, exceptions: [PolicyException],
                             claims: [String: String]) -> Judgement {
        if let severity = config.rules[finding.ruleId]?.severity { finding.severity = severity }
        if let exception = exceptions.first(where: { $0.covers(finding) }) { return .excepted(exception) }
        if let reason = claims[finding.ruleId] ?? claims["*"] { return .claimed(reason: reason) }
        return .counts
    }

    /// Rule → reason claimed by each object's annotation (on the object or its pod template).
    static func annotationClaims(_ inventory: Inventory) -> [ObjectReference: [String: String]] {
        var claims: [ObjectReference: [String: String]] = [:]
        // The annotations are read on every core; the reference is built only for an object that
        // claims something (few do).
        func claim(_ texts: [String?], of object: (Int) -> KubeObject) {
            for (index, text) in texts.enumerated() {
                guard let text else { continue }
                let reference = object(index).reference
                for (rule, reason) in parseClaims(text) { claims[reference, default: [:]][rule] = reason }
            }
        }
        claim(inventory.objects.concurrentMap(chunk: claimChunk, scratch: {}) { object, _ in
            object.metadata?["annotations"]?.scalarText(ignoreAnnotation)
        }, of: { inventory.objects[$0] })
        // The pod template's claims come second: for the same rule they win over the object's own.
        claim(inventory.podTemplates.concurrentMap(chunk: claimChunk, scratch: {}) { template, _ in
            template.metadata?["annotations"]?.scalarText(ignoreAnnotation)
        }, of: { inventory.podTemplates[$0].object })
        return claims
    }

    /// Objects per unit of parallel reading of the claims.
    private static let claimChunk = 4096

    /// `"RULE-ID: reason"` lines (also separated by `;`); a claim without a reason does not count.
    static func parseClaims(_ text: String) -> [(String, String)] {
        text.split(whereSeparator: { $0 == "\n" || $0 == ";" }).compactMap { line in
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            let rule = parts[0].filter { !$0.isWhitespace }
            let reason = parts[1].drop(while: \.isWhitespace)
            return rule.isEmpty || reason.isEmpty ? nil : (rule, String(reason))
        }
    }
}
