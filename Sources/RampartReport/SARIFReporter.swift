import RampartRules

/// SARIF 2.1.0 for code-scanning upload: full rule metadata from the catalog, levels from severities,
/// physical locations relative to `%SRCROOT%` (absolute paths as `file://` URIs), logical locations
/// naming the object, and fingerprints stable across runs.
public enum SARIFReporter {
    public static func render(_ report: AuditReport, rules: [RuleMetadata]) throws -> String {
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        let log = Log(runs: [Run(
            tool: Tool(driver: Driver(version: report.tool.version, rules: rules.map(ReportingDescriptor.init))),
            invocations: [Invocation(
                executionSuccessful: true,
                toolExecutionNotifications: report.errors.map { error in
                    Notification(level: "error", message: Message(text: error.message),
                                 locations: [Location(file: error.file, line: error.line, column: error.column, object: nil)])
                })],
            results: report.findings.map { finding in
                Result(ruleId: finding.ruleId, ruleIndex: ruleIndex[finding.ruleId], level: level(finding.severity),
                       message: Message(text: finding.message),
                       locations: [Location(file: finding.location.file, line: finding.location.line,
                                            column: finding.location.column, object: finding.object.description)],
                       partialFingerprints: ["rampartFinding/v1": finding.fingerprint],
                       properties: ["severity": finding.severity.rawValue, "path": finding.path])
            })])
        return try JSONReporter.encode(log)
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .critical, .high: "error"
        case .medium: "warning"
        case .low, .info: "note"
        }
    }

    /// GitHub's `security-severity` score for a severity.
    static func score(_ severity: Severity) -> String {
        switch severity {
        case .critical: "9.5"
        case .high: "8.0"
        case .medium: "5.5"
        case .low: "3.0"
        case .info: "1.0"
        }
    }

    struct Log: Encodable {
        let version = "2.1.0"
        let schema = "https://json.schemastore.org/sarif-2.1.0.json"
        let runs: [Run]

        enum CodingKeys: String, CodingKey {
            case version, runs
            case schema = "$schema"
        }
    }

    struct Run: Encodable {
        let tool: Tool
        let invocations: [Invocation]
        let results: [Result]
        let originalUriBaseIds = ["%SRCROOT%": ["description": ["text": "The directory rampart was run from."]]]
    }

    struct Tool: Encodable {
        let driver: Driver
    }

    struct Driver: Encodable {
        let name = "rampart"
        let version: String
        let informationUri = "https://rampart.dev"
        let rules: [ReportingDescriptor]
    }

    struct ReportingDescriptor: Encodable {
        let id: String
        let name: String
        let shortDescription: Message
        let fullDescription: Message
        let help: Help
        let defaultConfiguration: [String: String]
        let properties: Properties

        struct Help: Encodable {
            let text: String
            let markdown: String
        }

        struct Properties: Encodable {
            let tags: [String]
            let securitySeverity: String

            enum CodingKeys: String, CodingKey {
                case tags
                case securitySeverity = "security-severity"
            }
        }

        init(_ rule: RuleMetadata) {
            id = rule.id
            name = rule.title.filter { $0.isLetter || $0.isNumber }
            shortDescription = Message(text: rule.title)
            fullDescription = Message(text: rule.rationale)
            help = Help(text: rule.remediation, markdown: "**Why:** \(rule.rationale)\n\n**Fix:** \(rule.remediation)")
            defaultConfiguration = ["level": SARIFReporter.level(rule.severity)]
            properties = Properties(tags: ["security", rule.layer.rawValue] + rule.standards,
                                    securitySeverity: SARIFReporter.score(rule.severity))
        }
    }

    struct Invocation: Encodable {
        let executionSuccessful: Bool
        let toolExecutionNotifications: [Notification]
    }

    struct Notification: Encodable {
        let level: String
        let message: Message
        let locations: [Location]
    }

    struct Result: Encodable {
        let ruleId: String
        let ruleIndex: Int?
        let level: String
        let message: Message
        let locations: [Location]
        let partialFingerprints: [String: String]
        let properties: [String: String]
    }

    struct Message: Encodable {
        let text: String
    }

    struct Location: Encodable {
        let physicalLocation: PhysicalLocation?
        let logicalLocations: [LogicalLocation]?

        init(file: String?, line: Int, column: Int, object: String?) {
            physicalLocation = file.map { file in
                PhysicalLocation(artifactLocation: ArtifactLocation(file),
                                 region: line > 0 ? Region(startLine: line, startColumn: max(column, 1)) : nil)
            }
            logicalLocations = object.map { [LogicalLocation(fullyQualifiedName: $0, kind: "resource")] }
        }
    }

    struct PhysicalLocation: Encodable {
        let artifactLocation: ArtifactLocation
        let region: Region?
    }

    struct ArtifactLocation: Encodable {
        let uri: String
        let uriBaseId: String?

        init(_ file: String) {
            if file.hasPrefix("/") {
                uri = "file://" + percentEncoded(file)
                uriBaseId = nil
            } else {
                uri = percentEncoded(file.hasPrefix("./") ? String(file.dropFirst(2)) : file)
                uriBaseId = "%SRCROOT%"
            }
        }
    }

    struct Region: Encodable {
        let startLine: Int
        let startColumn: Int
    }

    struct LogicalLocation: Encodable {
        let fullyQualifiedName: String
        let kind: String
    }
}

/// A path as a URI reference: unreserved characters and `/` kept, everything else percent-encoded.
func percentEncoded(_ path: String) -> String {
    var result = ""
    for byte in path.utf8 {
        let character = Character(Unicode.Scalar(byte))
        if byte < 128, character.isLetter || character.isNumber || "-._~/".contains(character) {
            result.append(character)
        } else {
            result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
        }
    }
    return result
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
