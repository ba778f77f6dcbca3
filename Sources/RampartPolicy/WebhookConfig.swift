import RampartLoading
import RampartModel
import RampartRules

/// What the admission webhook does with a namespace's findings, as Pod Security admission's modes.
public enum AdmissionMode: String, Sendable, CaseIterable, Codable {
    /// Deny requests with findings at or above the deny threshold; lower ones become warnings.
    case enforce
    /// Allow, and return every finding as a warning to the client.
    case warn
    /// Allow silently; findings are only logged and counted.
    case audit
}

/// The webhook's settings for the namespaces one entry of the configuration names.
public struct NamespaceAdmission: Sendable, Equatable {
    /// The mode; nil: the webhook's default mode.
    public var mode: AdmissionMode?
    /// The namespace's labels, when the platform declares them (its Pod Security labels count).
    public var labels: [String: String]?
    /// The Pod Security level (`privileged|baseline|restricted`) to judge pods at when the labels are unknown.
    public var podSecurity: String?
    /// Whether owners' `rampart.dev/ignore` annotations may exempt objects in these namespaces.
    public var annotationExceptions = false

    public init(mode: AdmissionMode? = nil, labels: [String: String]? = nil, podSecurity: String? = nil,
                annotationExceptions: Bool = false) {
        self.mode = mode
        self.labels = labels
        self.podSecurity = podSecurity
        self.annotationExceptions = annotationExceptions
    }
}

/// The `webhook:` section of the configuration file (`kind: Config`), beside the rules, registries and
/// exceptions the audit reads:
///
/// ```yaml
/// webhook:
///   mode: enforce            # enforce | warn | audit, for namespaces not listed below
///   denyOn: medium           # enforce denies findings of this severity and above; lower ones warn
///   exempt:
///     namespaces: [monitoring]          # kube-system is always exempt
///     users: [admin@example.com]
///     groups: [system:nodes]
///     serviceAccounts: [argocd/argocd-application-controller]
///   namespaces:
///     - names: [team-a, "sandbox-*"]    # exact names, or a prefix ending in '*'
///       mode: warn
///       podSecurity: baseline           # when the namespace's labels are not known
///       labels: {pod-security.kubernetes.io/enforce: restricted}
///       annotationExceptions: true      # owners' rampart.dev/ignore annotations count here
/// ```
public struct WebhookConfig: Sendable {
    /// One `namespaces` entry: the names it covers and their settings.
    public struct NamespaceEntry: Sendable, Equatable {
        public var names: [String]
        public var settings: NamespaceAdmission

        /// True when `namespace` is one of the names, or starts with a name's prefix before `*`.
        public func matches(_ namespace: String) -> Bool {
            names.contains { $0.hasSuffix("*") ? namespace.hasPrefix($0.dropLast()) : $0 == namespace }
        }
    }

    /// Namespaces the webhook never judges, whatever the configuration says.
    public static let alwaysExemptNamespaces: Set<String> = ["kube-system"]

    /// Rules, registries, exceptions and severity overrides shared with the audit.
    public var policy: PolicyConfig
    public var defaultMode: AdmissionMode = .enforce
    public var denyOn: Severity = .medium
    public var exemptNamespaces: Set<String> = WebhookConfig.alwaysExemptNamespaces
    public var exemptUsers: Set<String> = []
    public var exemptGroups: Set<String> = []
    /// Exempt service accounts as user names (`system:serviceaccount:NS:NAME`).
    public var exemptServiceAccountUsers: Set<String> = []
    /// Entries in file order; the first that matches a namespace wins.
    public var namespaces: [NamespaceEntry] = []

    public init(policy: PolicyConfig = PolicyConfig()) {
        self.policy = policy
    }

    /// The settings of the first entry that names `namespace`, if any.
    public func settings(for namespace: String) -> NamespaceAdmission? {
        namespaces.first { $0.matches(namespace) }?.settings
    }

    /// The keys of the `webhook:` section, of its `exempt:` mapping, and of a `namespaces` entry.
    static let keys: Set<String> = ["mode", "denyOn", "exempt", "namespaces"]
    static let exemptKeys: Set<String> = ["namespaces", "users", "groups", "serviceAccounts"]
    static let namespaceKeys: Set<String> = ["name", "names", "mode", "podSecurity", "labels", "annotationExceptions"]

    /// Reads a configuration file in one parse: the audit's settings (`PolicyConfig.parse` returns
    /// the same errors) and its `webhook:` section. Problems, unknown keys and values of the wrong type
    /// among them, are errors naming the line, in line order; the rest of the file still applies.
    public static func parse(_ bytes: [UInt8], file: String, knownRules: Set<String>,
                             ruleFiles: [(file: String, bytes: [UInt8])] = []) -> (WebhookConfig, [InputError]) {
        let loaded = ManifestLoader.load(bytes, file: file)
        var reader = ConfigReader(file: file, errors: loaded.errors)
        guard let root = loaded.objects.first(where: { $0.kind == "Config" })?.root else {
            var policy = PolicyConfig()
            policy.file = file
            if reader.errors.isEmpty { reader.error(SourceMark(line: 1, column: 1), "no 'kind: Config' document") }
            return (WebhookConfig(policy: policy), reader.errors)
        }
        var config = WebhookConfig(policy: PolicyConfig.read(root, file: file, knownRules: knownRules, ruleFiles: ruleFiles,
                                                                        into: &reader))
        if let section = root["webhook"], !section.isNull {
            if section.isMapping {
                config.read(section, into: &reader)
            } else {
                reader.error(section, "'webhook' must be a mapping, not \(ConfigReader.describe(section))")
            }
        }
        return (config, reader.errors.inLineOrder())
    }

    /// Reads the `webhook:` mapping `section` into these settings; problems go to `reader`.
    private mutating func read(_ section: Node, into reader: inout ConfigReader) {
        reader.unknownKeys(in: section, known: Self.keys, context: "webhook")
        defaultMode = reader.oneOf(section["mode"], "'mode'") ?? .enforce
        if let severity: Severity = reader.oneOf(section["denyOn"], "'denyOn'") { denyOn = severity }
        let exempt = section["exempt"].flatMap { $0.isNull ? nil : $0 }
        if let exempt, !exempt.isMapping {
            reader.error(exempt, "'exempt' must be a mapping, not \(ConfigReader.describe(exempt))")
        } else if let exempt {
            reader.unknownKeys(in: exempt, known: Self.exemptKeys, context: "webhook.exempt")
            exemptNamespaces.formUnion(reader.strings(exempt["namespaces"], "'exempt.namespaces'") ?? [])
            exemptUsers = Set(reader.strings(exempt["users"], "'exempt.users'") ?? [])
            exemptGroups = Set(reader.strings(exempt["groups"], "'exempt.groups'") ?? [])
            for node in reader.items(exempt["serviceAccounts"], "'exempt.serviceAccounts'") {
                let parts = node.string?.split(separator: "/", omittingEmptySubsequences: false) ?? []
                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    reader.error(node, "service account must be written NAMESPACE/NAME")
                    continue
                }
                exemptServiceAccountUsers.insert("system:serviceaccount:\(parts[0]):\(parts[1])")
            }
        }
        for node in reader.items(section["namespaces"], "'webhook.namespaces'") {
            guard node.isMapping else {
                reader.error(node, "namespace entry must be a mapping with 'name' or 'names', not \(ConfigReader.describe(node))")
                continue
            }
            let before = reader.errors.count
            reader.unknownKeys(in: node, known: Self.namespaceKeys, context: "webhook namespace entry")
            let names = (reader.strings(node["names"], "'names' of a namespace entry") ?? [])
                + [reader.string(node["name"], "'name' of a namespace entry")].compactMap { $0 }
            if names.isEmpty, reader.errors.count == before {
                reader.error(node, "namespace entry without 'name' or 'names'")
            }
            var settings = NamespaceAdmission(mode: reader.oneOf(node["mode"], "'mode' of a namespace entry"),
                                              annotationExceptions: reader.bool(node["annotationExceptions"],
                                                                                "'annotationExceptions' of a namespace entry") ?? false)
            if let labels = node["labels"] {
                settings.labels = reader.stringMap(labels, "'labels' of a namespace entry")
            }
            if let level = node["podSecurity"] {
                settings.podSecurity = level.string
                if !["privileged", "baseline", "restricted"].contains(level.string ?? "") {
                    reader.error(level, "'podSecurity' must be one of privileged, baseline, restricted, not \(ConfigReader.describe(level))")
                }
            }
            guard !names.isEmpty else { continue }
            namespaces.append(NamespaceEntry(names: names, settings: settings))
        }
    }
}

extension PolicyEngine {
    /// Rule → reason that the owner of `object` claims by its `rampart.dev/ignore` annotation (on the
    /// object or its pod template). A claim, not a grant: callers decide whether it counts.
    public static func claims(of object: KubeObject) -> [String: String] {
        annotationClaims(Inventory(objects: [object]))[object.reference] ?? [:]
    }
}
