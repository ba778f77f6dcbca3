import RampartLoading
import RampartModel
import RampartPSS

/// The answer of `rampart pss`: every pod-bearing object judged as the Kubernetes Pod Security
/// admission would, in source order. JSON: `{"results":[…], "errors":[…]}` (DESIGN.md).
public struct PodSecurityReport: AnswerReport {
    /// One violated check: the upstream check ID, a short reason and the detail.
    public struct Violation: Sendable, Encodable {
        public var check: String
        public var reason: String
        public var detail: String

        public init(_ violation: CheckViolation) {
            check = violation.check
            reason = violation.reason
            detail = violation.detail
        }
    }

    /// What one mode (audit or warn) of the namespace would report.
    public struct Mode: Sendable, Encodable {
        public var level: String
        public var version: String
        public var allowed: Bool
        public var violations: [Violation]

        public init(_ verdict: ModeVerdict) {
            level = verdict.mode.level.rawValue
            version = verdict.mode.version.description
            allowed = verdict.allowed
            violations = verdict.violations.map(Violation.init)
        }
    }

    /// The verdict on one object: its enforce mode's decision, and what audit and warn would report
    /// (`null` when the Namespace is not among the inputs).
    public struct Result: Sendable, Encodable {
        public var object: ObjectReference
        public var location: SourceLocation
        public var allowed: Bool
        /// The enforce level and version the object is judged by.
        public var level: String
        public var version: String
        public var policySource: PolicySource
        public var violations: [Violation]
        public var audit: Mode?
        public var warn: Mode?
        /// Invalid `pod-security.kubernetes.io/*` label values of the namespace.
        public var policyErrors: [String]

        public init(_ verdict: PodVerdict) {
            object = verdict.pod.object.reference
            location = verdict.pod.object.location
            allowed = verdict.allowed
            level = verdict.enforce.mode.level.rawValue
            version = verdict.enforce.mode.version.description
            policySource = verdict.source
            violations = verdict.enforce.violations.map(Violation.init)
            audit = verdict.audit.map(Mode.init)
            warn = verdict.warn.map(Mode.init)
            policyErrors = verdict.policyErrors
        }

        private enum CodingKeys: String, CodingKey {
            case object, location, allowed, level, version, policySource, violations, audit, warn, policyErrors
        }

        /// Every key is written, `audit` and `warn` as `null` when absent.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(object, forKey: .object)
            try container.encode(location, forKey: .location)
            try container.encode(allowed, forKey: .allowed)
            try container.encode(level, forKey: .level)
            try container.encode(version, forKey: .version)
            try container.encode(policySource, forKey: .policySource)
            try container.encode(violations, forKey: .violations)
            try container.encode(audit, forKey: .audit)
            try container.encode(warn, forKey: .warn)
            try container.encode(policyErrors, forKey: .policyErrors)
        }
    }

    /// One result per pod-bearing object, sorted by source location.
    public var results: [Result]
    public var errors: [InputError]

    public init(verdicts: [PodVerdict], errors: [InputError]) {
        results = verdicts.sorted { $0.pod.object.location < $1.pod.object.location }.map(Result.init)
        self.errors = errors
    }

    /// A pod not allowed fails the run.
    public var failed: Bool { results.contains { !$0.allowed } }

    /// Input errors are part of `text`.
    public var diagnostics: [String] { [] }

    /// The input errors, then one line per object with its violations below it, then a count.
    public var text: String {
        var lines = errors.map { "error: \($0.description)" }
        for result in results {
            let location = result.location
            lines.append("\(result.allowed ? "ALLOW" : "DENY ") \(result.object)  \(location.file ?? "-"):\(location.line)  enforce \(result.level):\(result.version) (\(Self.describe(result.policySource)))")
            lines += result.violations.map { "        \(Self.line($0))" }
            lines += result.policyErrors.map { "        invalid label: \($0)" }
            for (name, mode) in [("audit", result.audit), ("warn", result.warn)] {
                guard let mode, !mode.allowed else { continue }
                lines.append("        \(name) \(mode.level):\(mode.version) would report: \(mode.violations.map(\.check).joined(separator: ", "))")
            }
        }
        let denied = results.count { !$0.allowed }
        lines.append("\(results.count) pod-bearing objects: \(results.count - denied) allowed, \(denied) not allowed")
        return lines.joined(separator: "\n")
    }

    private static func describe(_ source: PolicySource) -> String {
        switch source {
        case .explicit: "given"
        case .namespaceLabels: "namespace labels"
        case .admissionDefault: "namespace not among the inputs: Kubernetes' default admits everything"
        }
    }

    private static func line(_ violation: Violation) -> String {
        "\(violation.check): \(violation.reason)\(violation.detail.isEmpty ? "" : " (\(violation.detail))")"
    }
}
