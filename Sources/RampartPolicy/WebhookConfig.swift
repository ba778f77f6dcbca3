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

    /// Reads a configuration file: the audit's settings and its `webhook:` section. Problems, unknown
    /// keys among them, are errors naming the line, in line order; the rest of the file still applies.
    public static func parse(_ bytes: [UInt8], file: String, knownRules: Set<String>) -> (WebhookConfig, [InputError]) {
        let (policy, policyErrors) = PolicyConfig.parse(bytes, file: file, knownRules: knownRules)
        var config = WebhookConfig(policy: policy)
        var errors = policyErrors
        let root = ManifestLoader.load(bytes, file: file).objects.first { $0.kind == "Config" }?.root
        guard let section = root?["webhook"] else { return (config, errors) }
        func error(_ mark: SourceMark, _ message: String) {
            errors.append(InputError(file: file, line: mark.line, column: mark.column, message: message))
        }
        func error(_ node: Node, _ message: String) { error(node.mark, message) }
        func unknownKeys(in node: Node?, known: Set<String>, context: String) {
            guard let node else { return }
            for unknown in KeySuggestion.unknownKeys(in: node, known: known) {
                error(unknown.mark, unknown.message(in: context))
            }
        }
        unknownKeys(in: section, known: keys, context: "webhook")
        func mode(_ node: Node?) -> AdmissionMode? {
            guard let node else { return nil }
            guard let mode = node.string.flatMap(AdmissionMode.init(rawValue:)) else {
                error(node, "mode must be one of \(AdmissionMode.allCases.map(\.rawValue).joined(separator: ", "))")
                return nil
            }
            return mode
        }
        config.defaultMode = mode(section["mode"]) ?? .enforce
        if let denyOn = section["denyOn"] {
            if let severity = denyOn.string.flatMap(Severity.init(rawValue:)) {
                config.denyOn = severity
            } else {
                error(denyOn, "denyOn must be one of \(Severity.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        let exempt = section["exempt"]
        unknownKeys(in: exempt, known: exemptKeys, context: "webhook.exempt")
        config.exemptNamespaces.formUnion(exempt?["namespaces"]?.items.compactMap(\.string) ?? [])
        config.exemptUsers = Set(exempt?["users"]?.items.compactMap(\.string) ?? [])
        config.exemptGroups = Set(exempt?["groups"]?.items.compactMap(\.string) ?? [])
        for node in exempt?["serviceAccounts"]?.items ?? [] {
            let parts = node.string?.split(separator: "/", omittingEmptySubsequences: false) ?? []
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                error(node, "service account must be written NAMESPACE/NAME")
                continue
            }
            config.exemptServiceAccountUsers.insert("system:serviceaccount:\(parts[0]):\(parts[1])")
        }
        for node in section["namespaces"]?.items ?? [] {
            unknownKeys(in: node, known: namespaceKeys, context: "webhook namespace entry")
            let names = (node["names"]?.items.compactMap(\.string) ?? []) + [node["name"]?.string].compactMap { $0 }
            guard !names.isEmpty else {
                error(node, "namespace entry without 'name' or 'names'")
                continue
            }
            var settings = NamespaceAdmission(mode: mode(node["mode"]), labels: node["labels"]?.stringMap,
                                              annotationExceptions: node["annotationExceptions"]?.bool ?? false)
            if let level = node["podSecurity"] {
                settings.podSecurity = level.string
                if !["privileged", "baseline", "restricted"].contains(level.string ?? "") {
                    error(level, "podSecurity must be one of privileged, baseline, restricted")
                }
            }
            config.namespaces.append(NamespaceEntry(names: names, settings: settings))
        }
        return (config, errors.inLineOrder())
    }
}

extension PolicyEngine {
    /// Rule → reason that the owner of `object` claims by its `rampart.dev/ignore` annotation (on the
    /// object or its pod template). A claim, not a grant: callers decide whether it counts.
    public static func claims(of object: KubeObject) -> [String: String] {
        annotationClaims(Inventory(objects: [object]))[object.reference] ?? [:]
    }
}
