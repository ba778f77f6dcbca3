import ArgumentParser
import RampartLoading
import RampartModel
import RampartReport
import RampartPSS

extension Rampart {
    /// `rampart pss`: every pod-bearing object judged as the Kubernetes Pod Security admission would.
    struct Pss: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pss",
            abstract: "Evaluate pods and pod templates against the Pod Security Standards, as the admission does.",
            discussion: """
                Without --level, each object is judged by the pod-security.kubernetes.io/enforce (and \
                -version) labels of its Namespace when that Namespace is among the inputs; otherwise by the \
                admission's default, privileged, which allows everything. What the namespace's audit and warn \
                labels would report is shown too. Exit status: 0 all allowed, 1 a pod not allowed, 2 usage or \
                input error.
                """)

        @OptionGroup var input: InputOptions

        @Option(help: "Judge every object at this level: privileged, baseline or restricted.",
                transform: { text in
                    guard let level = PolicyLevel(parsing: text) else {
                        throw ValidationError("--level must be privileged, baseline or restricted")
                    }
                    return level
                })
        var level: PolicyLevel?

        @Option(help: "Policy version for --level: latest or vMAJOR.MINOR (default: latest).",
                transform: { text in
                    guard let version = PolicyVersion(parsing: text) else {
                        throw ValidationError("--version must be latest or v1.MINOR, e.g. v1.30")
                    }
                    return version
                })
        var version: PolicyVersion?

        @OptionGroup var output: OutputOptions<AnswerFormat>

        func validate() throws {
            if version != nil, level == nil { throw ValidationError("--version needs --level") }
        }

        func run() throws {
            let loaded = InputReader.load(input)
            let inventory = Inventory(objects: loaded.objects)
            let explicit = level.map { LevelVersion(level: $0, version: version ?? .latest) }
            let verdicts = PodVerdict.evaluate(inventory, explicit: explicit)
                .sorted { $0.pod.object.location < $1.pod.object.location }
            switch output.format {
            case .json:
                try output.write(try JSONOutput.encode(PssReport(verdicts: verdicts, errors: loaded.errors)))
            case .text:
                try output.write(PssText.render(verdicts, errors: loaded.errors))
            }
            try RunStatus(inputErrors: loaded.errors.count, cleanInputs: loaded.cleanInputs,
                          reportFailed: verdicts.contains { !$0.allowed }).finish()
        }
    }
}

/// The JSON document of `rampart pss`.
private struct PssReport: Encodable {
    struct Violation: Encodable {
        var check: String
        var reason: String
        var detail: String

        init(_ violation: CheckViolation) {
            check = violation.check
            reason = violation.reason
            detail = violation.detail
        }
    }

    struct Mode: Encodable {
        var level: String
        var version: String
        var allowed: Bool
        var violations: [Violation]

        init(_ verdict: ModeVerdict) {
            level = verdict.mode.level.rawValue
            version = verdict.mode.version.description
            allowed = verdict.allowed
            violations = verdict.violations.map(Violation.init)
        }
    }

    struct Result: Encodable {
        var object: ObjectReference
        var location: SourceLocation
        var allowed: Bool
        var level: String
        var version: String
        var policySource: PolicySource
        var violations: [Violation]
        var audit: Mode?
        var warn: Mode?
        var policyErrors: [String]

        init(_ verdict: PodVerdict) {
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

        func encode(to encoder: any Encoder) throws {
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

    var results: [Result]
    var errors: [InputError]

    init(verdicts: [PodVerdict], errors: [InputError]) {
        results = verdicts.map(Result.init)
        self.errors = errors
    }
}

/// The terminal rendering of `rampart pss`: one line per object, its violations below it.
private enum PssText {
    static func render(_ verdicts: [PodVerdict], errors: [InputError]) -> String {
        var lines = errors.map { "error: \($0.description)" }
        for verdict in verdicts {
            let object = verdict.pod.object
            let location = object.location
            lines.append("\(verdict.allowed ? "ALLOW" : "DENY ") \(object.reference)  \(location.file ?? "-"):\(location.line)  enforce \(verdict.enforce.mode) (\(describe(verdict.source)))")
            lines += verdict.enforce.violations.map { "        \(line($0))" }
            lines += verdict.policyErrors.map { "        invalid label: \($0)" }
            for (name, mode) in [("audit", verdict.audit), ("warn", verdict.warn)] {
                guard let mode, !mode.allowed else { continue }
                lines.append("        \(name) \(mode.mode) would report: \(mode.violations.map(\.check).joined(separator: ", "))")
            }
        }
        let denied = verdicts.filter { !$0.allowed }.count
        lines.append("\(verdicts.count) pod-bearing objects: \(verdicts.count - denied) allowed, \(denied) not allowed")
        return lines.joined(separator: "\n")
    }

    private static func describe(_ source: PolicySource) -> String {
        switch source {
        case .explicit: "given"
        case .namespaceLabels: "namespace labels"
        case .admissionDefault: "namespace not among the inputs: Kubernetes' default admits everything"
        }
    }

    private static func line(_ violation: CheckViolation) -> String {
        "\(violation.check): \(violation.reason)\(violation.detail.isEmpty ? "" : " (\(violation.detail))")"
    }
}
