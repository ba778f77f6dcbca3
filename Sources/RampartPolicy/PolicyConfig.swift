import RampartLoading
import RampartModel
import RampartRules

/// The platform team's configuration file (`.rampart.yaml`, `apiVersion: rampart.dev/v1alpha1`,
/// `kind: Config`): rule toggles and severity overrides, the registry allow-list, platform
/// namespaces, exceptions, the `--fail-on` default, and whether owners' annotation claims count.
public struct PolicyConfig: Sendable {
    /// A rule's configuration: on or off, and its severity.
    public struct RuleOverride: Sendable, Equatable {
        public var enabled = true
        public var severity: Severity?
    }

    public var file: String?
    public var failOn: Severity?
    public var rules: [String: RuleOverride] = [:]
    public var settings = RuleSettings()
    public var exceptions: [PolicyException] = []
    /// Whether `rampart.dev/ignore` annotations on objects suppress findings in reports.
    public var honourAnnotations = true

    public init() {}

    /// The catalog rules that are enabled.
    public func enabledRules(from catalog: [any Rule]) -> [any Rule] {
        catalog.filter { rules[$0.metadata.id]?.enabled ?? true }
    }

    /// The keys of the configuration document (`webhook` is read by `WebhookConfig`).
    static let keys: Set<String> = ["apiVersion", "kind", "metadata", "failOn", "rules", "registries", "platformNamespaces",
                                    "annotationExceptions", "exceptions", "webhook"]
    /// The keys of one rule's entry under `rules`.
    static let ruleKeys: Set<String> = ["enabled", "severity"]

    /// Reads a configuration document. Unknown keys (with the nearest known one), unknown rule IDs,
    /// bad severities or dates, and exceptions without a reason are errors naming the line, in line
    /// order; the rest of the file still applies.
    public static func parse(_ bytes: [UInt8], file: String, knownRules: Set<String>) -> (PolicyConfig, [InputError]) {
        let loaded = ManifestLoader.load(bytes, file: file)
        var errors = loaded.errors
        var config = PolicyConfig()
        config.file = file
        guard let root = loaded.objects.first(where: { $0.kind == "Config" })?.root else {
            if errors.isEmpty { errors.append(InputError(file: file, line: 1, message: "no 'kind: Config' document")) }
            return (config, errors)
        }
        func error(_ mark: SourceMark, _ message: String) {
            errors.append(InputError(file: file, line: mark.line, column: mark.column, message: message))
        }
        func error(_ node: Node, _ message: String) { error(node.mark, message) }
        for unknown in KeySuggestion.unknownKeys(in: root, known: keys) {
            error(unknown.mark, unknown.message(in: "the configuration"))
        }
        if let failOn = root["failOn"] {
            config.failOn = failOn.string.flatMap(Severity.init(rawValue:))
            if config.failOn == nil { error(failOn, "failOn must be one of \(Severity.allCases.map(\.rawValue).joined(separator: ", "))") }
        }
        for entry in root["rules"]?.entries ?? [] {
            guard knownRules.contains(entry.key) else {
                error(entry.value, "unknown rule '\(entry.key)'")
                continue
            }
            for unknown in KeySuggestion.unknownKeys(in: entry.value, known: ruleKeys) {
                error(unknown.mark, unknown.message(in: "rule '\(entry.key)'"))
            }
            var override = RuleOverride()
            override.enabled = entry.value["enabled"]?.bool ?? true
            if let severity = entry.value["severity"] {
                override.severity = severity.string.flatMap(Severity.init(rawValue:))
                if override.severity == nil { error(severity, "unknown severity for rule '\(entry.key)'") }
            }
            config.rules[entry.key] = override
        }
        config.settings.allowedRegistries = root["registries"]?.items.compactMap(\.string) ?? []
        if let platform = root["platformNamespaces"] {
            config.settings.platformNamespaces = RuleSettings.defaultPlatformNamespaces.union(platform.items.compactMap(\.string))
        }
        config.honourAnnotations = root["annotationExceptions"]?.bool ?? true
        for node in root["exceptions"]?.items ?? [] {
            let (exception, failures) = PolicyException.parse(node, knownRules: knownRules)
            if let exception { config.exceptions.append(exception) }
            for failure in failures { error(failure.mark, failure.message) }
        }
        return (config, errors.inLineOrder())
    }
}

extension [InputError] {
    /// By line, then column; errors at the same place keep their order.
    func inLineOrder() -> [InputError] {
        enumerated().sorted { ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset) }
            .map(\.element)
    }
}
