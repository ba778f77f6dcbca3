import RampartLoading
import RampartModel
import RampartRules

/// The platform team's configuration file (`.rampart.yaml`, `apiVersion: rampart.dev/v1alpha1`,
/// `kind: Config`): rule toggles and severity overrides, the registry allow-list, platform
/// namespaces, the target Kubernetes release, exceptions, the `--fail-on` default, and whether
/// owners' annotation claims count.
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
    /// The platform team's own rules (`customRules:` and the rule files), in file order.
    public var customRules: [CustomRule] = []
    /// The rule files `customRuleFiles:` names, as written (relative to the configuration file).
    public var customRuleFiles: [String] = []

    public init() {}

    /// The catalog rules that are enabled.
    public func enabledRules(from catalog: [any Rule]) -> [any Rule] {
        (catalog + customRules.map { $0 as any Rule }).filter { rules[$0.metadata.id]?.enabled ?? true }
    }

    /// The keys of the configuration document (`webhook` is read by `WebhookConfig`).
    static let keys: Set<String> = ["apiVersion", "kind", "metadata", "failOn", "rules", "registries", "platformNamespaces",
                                    "annotationExceptions", "exceptions", "webhook", "customRules", "customRuleFiles", "targetVersion",
                                    "vulnerabilities"]
    /// The keys of one rule's entry under `rules`.
    static let ruleKeys: Set<String> = ["enabled", "severity"]
    /// The keys of the `vulnerabilities` thresholds.
    static let vulnerabilityKeys: Set<String> = ["minimumSeverity", "includeUnfixed"]

    /// Reads a configuration document, its `webhook:` section included, so that every command that
    /// loads the file reports the same errors: unknown keys (with the nearest known one), unknown rule
    /// IDs (with the nearest catalog ID), values of the wrong type, bad severities or dates, and
    /// exceptions without a rule or a reason are errors naming the line, in line order; the rest of
    /// the file still applies.
    /// `ruleFiles` are the contents of the files `customRuleFiles:` names (the caller reads them):
    /// their rules join the configuration's own, and their IDs may be configured and excepted.
    public static func parse(_ bytes: [UInt8], file: String, knownRules: Set<String>,
                             ruleFiles: [(file: String, bytes: [UInt8])] = []) -> (PolicyConfig, [InputError]) {
        let (config, errors) = WebhookConfig.parse(bytes, file: file, knownRules: knownRules, ruleFiles: ruleFiles)
        return (config.policy, errors)
    }

    /// The audit's settings in the configuration document `root`; problems go to `reader`.
    static func read(_ root: Node, file: String, knownRules: Set<String>, ruleFiles: [(file: String, bytes: [UInt8])],
                     into reader: inout ConfigReader) -> PolicyConfig {
        var config = PolicyConfig()
        config.file = file
        reader.unknownKeys(in: root, known: keys, context: "the configuration")
        config.customRuleFiles = reader.strings(root["customRuleFiles"], "'customRuleFiles'") ?? []
        var taken = knownRules
        config.customRules = CustomRuleReader.read(list: root["customRules"], taken: taken, into: &reader)
        taken.formUnion(config.customRules.map(\.metadata.id))
        var fileErrors: [InputError] = []
        for ruleFile in ruleFiles {
            config.customRules += CustomRuleReader.read(file: ruleFile.bytes, named: ruleFile.file, taken: &taken, into: &fileErrors)
        }
        let knownRules = knownRules.union(config.customRules.map(\.metadata.id))
        config.failOn = reader.oneOf(root["failOn"], "'failOn'")
        for entry in reader.entries(root["rules"], "'rules'") {
            guard knownRules.contains(entry.key) else {
                reader.error(entry.keyMark, "unknown rule '\(entry.key)'\(unknownRuleHint(entry.key, knownRules: knownRules))")
                continue
            }
            if let override = readOverride(entry, into: &reader) { config.rules[entry.key] = override }
        }
        if let registries = reader.strings(root["registries"], "'registries'") {
            config.settings.allowedRegistries = registries
        }
        if let platform = reader.strings(root["platformNamespaces"], "'platformNamespaces'") {
            config.settings.platformNamespaces = RuleSettings.defaultPlatformNamespaces.union(platform)
        }
        if let node = root["targetVersion"], let text = reader.string(node, "'targetVersion'"), !config.settings.setTargetVersion(text) {
            reader.error(node, "'targetVersion' must be a Kubernetes release such as 1.33, not '\(text)'")
        }
        if let thresholds = root["vulnerabilities"], !reader.entries(thresholds, "'vulnerabilities'").isEmpty {
            reader.unknownKeys(in: thresholds, known: vulnerabilityKeys, context: "'vulnerabilities'")
            if let severity: Severity = reader.oneOf(thresholds["minimumSeverity"], "'minimumSeverity' of 'vulnerabilities'") {
                config.settings.vulnerabilityThresholds.minimumSeverity = severity
            }
            config.settings.vulnerabilityThresholds.includeUnfixed = reader.bool(thresholds["includeUnfixed"],
                                                                                  "'includeUnfixed' of 'vulnerabilities'") ?? false
        }
        config.honourAnnotations = reader.bool(root["annotationExceptions"], "'annotationExceptions'") ?? true
        for node in reader.items(root["exceptions"], "'exceptions'") {
            if let exception = PolicyException.read(node, knownRules: knownRules, into: &reader) {
                config.exceptions.append(exception)
            }
        }
        reader.append(fileErrors)
        return config
    }

    /// `; did you mean 'pss.privileged'?` for a rule ID close to a catalog ID, a pointer to the
    /// catalog otherwise.
    static func unknownRuleHint(_ id: String, knownRules: Set<String>) -> String {
        KeySuggestion.nearest(to: id, among: knownRules.sorted()).map { "; did you mean '\($0)'?" }
            ?? " (`rampart rules` lists the catalog)"
    }

    /// The override one entry of `rules` declares, or nil when the entry has errors (then the rule
    /// keeps its defaults and the errors stop the command).
    private static func readOverride(_ entry: MappingEntry, into reader: inout ConfigReader) -> RuleOverride? {
        let rule = entry.key, value = entry.value
        guard value.isMapping || value.isNull else {
            // `images.no-digest: false` reads as "off", `images.latest-tag: high` as a severity: say so.
            let meant = value.bool.map { "{enabled: \($0)}" } ?? value.string.flatMap(Severity.init(rawValue:)).map { "{severity: \($0.rawValue)}" }
            reader.error(value, "rule '\(rule)' must be a mapping with 'enabled' or 'severity', not \(ConfigReader.describe(value))"
                + (meant.map { "; did you mean '\($0)'?" } ?? ""))
            return nil
        }
        let before = reader.errors.count
        reader.unknownKeys(in: value, known: ruleKeys, context: "rule '\(rule)'")
        var override = RuleOverride()
        override.enabled = reader.bool(value["enabled"], "'enabled' of rule '\(rule)'") ?? true
        override.severity = reader.oneOf(value["severity"], "'severity' of rule '\(rule)'")
        return reader.errors.count == before ? override : nil
    }
}

/// Reads the values of Rampart's configuration file. A value of the wrong type or outside its set
/// becomes an error naming the file, line and what was expected, never a default that silently
/// widens or narrows the policy. An absent key, or a collection key left empty (`registries:`), reads
/// as nothing; a scalar key left empty (`expires:`) is an error like any other bad value.
struct ConfigReader {
    let file: String
    private(set) var errors: [InputError] = []

    init(file: String, errors: [InputError] = []) {
        self.file = file
        self.errors = errors
    }

    mutating func error(_ mark: SourceMark, _ message: String) {
        errors.append(InputError(file: file, line: mark.line, column: mark.column, message: message))
    }

    mutating func error(_ node: Node, _ message: String) { error(node.mark, message) }

    /// Errors found in other files (the rule files the configuration names).
    mutating func append(_ other: [InputError]) { errors += other }

    /// An error for each key of `node` not in `known`, with the nearest known key.
    mutating func unknownKeys(in node: Node, known: Set<String>, context: String) {
        for unknown in KeySuggestion.unknownKeys(in: node, known: known) {
            error(unknown.mark, unknown.message(in: context))
        }
    }

    /// The entries of a mapping value `what` (none when absent or empty).
    mutating func entries(_ node: Node?, _ what: String) -> [MappingEntry] {
        guard let node, !node.isNull else { return [] }
        guard node.isMapping else {
            error(node, "\(what) must be a mapping, not \(Self.describe(node))")
            return []
        }
        return node.entries
    }

    /// The items of a list value `what` (none when absent or empty).
    mutating func items(_ node: Node?, _ what: String) -> [Node] {
        guard let node, !node.isNull else { return [] }
        guard node.isSequence else {
            error(node, "\(what) must be a list, not \(Self.describe(node))")
            return []
        }
        return node.items
    }

    /// A list of non-empty strings, or nil when `what` is absent or not a list. Items that are not
    /// strings are errors and left out.
    mutating func strings(_ node: Node?, _ what: String) -> [String]? {
        guard let node else { return nil }
        guard node.isSequence || node.isNull else {
            error(node, "\(what) must be a list, not \(Self.describe(node))")
            return nil
        }
        return node.items.compactMap { string($0, "an entry of \(what)") }
    }

    /// A non-empty string, or nil (with an error) when `node` is anything else; nil without one when absent.
    mutating func string(_ node: Node?, _ what: String) -> String? {
        guard let node else { return nil }
        guard let text = node.string, !text.allSatisfy(\.isWhitespace) else {
            error(node, "\(what) must be a non-empty string, not \(Self.describe(node))")
            return nil
        }
        return text
    }

    /// A mapping of strings (labels), or nil (with an error) when `node` is anything else. Entries
    /// whose values are not strings are errors and left out.
    mutating func stringMap(_ node: Node, _ what: String) -> [String: String]? {
        guard node.isMapping || node.isNull else {
            error(node, "\(what) must be a mapping, not \(Self.describe(node))")
            return nil
        }
        for entry in node.entries where entry.value.isMapping || entry.value.isSequence {
            error(entry.value, "'\(entry.key)' in \(what) must be a string, not \(Self.describe(entry.value))")
        }
        return node.stringMap
    }

    /// A YAML boolean, or nil (with an error) when `node` is anything else; nil without one when absent.
    mutating func bool(_ node: Node?, _ what: String) -> Bool? {
        guard let node else { return nil }
        guard let value = node.bool else {
            error(node, "\(what) must be true or false, not \(Self.describe(node))")
            return nil
        }
        return value
    }

    /// One of an enumeration's raw values, or nil (with an error) when `node` is anything else; nil
    /// without one when absent.
    mutating func oneOf<Value: RawRepresentable & CaseIterable>(_ node: Node?, _ what: String) -> Value?
    where Value.RawValue == String {
        guard let node else { return nil }
        guard let value = node.string.flatMap(Value.init(rawValue:)) else {
            error(node, "\(what) must be one of \(Value.allCases.map(\.rawValue).joined(separator: ", ")), not \(Self.describe(node))")
            return nil
        }
        return value
    }

    /// `'nope'`, `the quoted string "true"`, `an empty value`, `a list`, `a mapping`: what was
    /// written, for messages.
    static func describe(_ node: Node) -> String {
        switch node.content {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .scalar(let scalar) where node.isNull: scalar.text.isEmpty ? "an empty value" : "'\(scalar.text)'"
        case .scalar(let scalar) where scalar.isPlain: "'\(scalar.text)'"
        case .scalar(let scalar): "the quoted string \"\(scalar.text)\""
        }
    }
}

extension [InputError] {
    /// By line, then column; errors at the same place keep their order.
    func inLineOrder() -> [InputError] {
        enumerated().sorted { ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset) }
            .map(\.element)
    }
}
