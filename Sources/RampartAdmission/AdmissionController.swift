import RampartModel
import RampartPolicy
import RampartRules

/// The admission decision: a pure function of the request and the configuration.
///
/// It runs the one-object rules of the catalog (see `AdmissionRules`) on the object as it will be
/// stored, applies the configuration's severity overrides and exceptions, the owner's annotation
/// claims where the namespace's settings allow them, and the namespace's mode. On UPDATE, findings
/// that the old object already had are warned about but never denied, so existing objects can still
/// be scaled, relabelled and deleted. Objects that Kubernetes' own components create
/// (`BuiltInObjects`) are never denied either: their findings are warned about.
public struct AdmissionController: Sendable {
    /// Most warnings returned; the API server shows them all to the client.
    public static let maximumWarnings = 20
    /// The API server may truncate longer warnings; they are cut here, where the cut is visible.
    public static let maximumWarningLength = 256
    /// Most denying findings named in a denial's message (and findings in the server's log line); the
    /// rest are counted, so an object with a million findings gets an answer of a few kilobytes.
    public static let maximumListedFindings = 20
    /// Subresources whose object is judged (the Pod with its new ephemeral containers).
    public static let judgedSubresources: Set<String> = ["ephemeralcontainers"]

    public let config: WebhookConfig
    private let sources: [any NamespacePolicySource]
    /// The one-object rules by the kind they look at.
    private let rulesByKind: [String: [any Rule]]

    /// `sources` are asked after the configuration (e.g. a tenancy file).
    public init(config: WebhookConfig, catalog: [any Rule] = Catalog.rules, sources: [any NamespacePolicySource] = []) {
        self.config = config
        self.sources = [config] + sources
        rulesByKind = AdmissionRules.byKind(AdmissionRules.select(from: config.policy.enabledRules(from: catalog)))
    }

    /// The decision on `request`; `today` (`YYYY-MM-DD`) decides which exceptions have expired.
    public func decide(_ request: AdmissionRequest, today: String) -> AdmissionDecision {
        let namespace = request.namespace ?? (request.kind == "Namespace" && request.group.isEmpty ? request.name : nil)
        if let reason = skipReason(request, namespace: namespace) {
            return AdmissionDecision(response: AdmissionResponse(uid: request.uid, allowed: true), mode: nil,
                                     skipped: reason, findings: [])
        }
        let settings = namespace.flatMap { name in sources.lazy.compactMap { $0.admission(for: name) }.first }
        let mode = settings?.mode ?? config.defaultMode
        let scope = RequestScope(namespace: request.namespace, settings: settings)
        let findings = request.object.map { evaluate($0, scope) } ?? []
        let previous: Set<String> = request.operation == .update
            ? Set((request.oldObject.map { evaluate($0, scope) } ?? []).map(Self.identity)) : []
        let claims = settings?.annotationExceptions == true
            ? request.object.flatMap { scope.object($0) }.map(PolicyEngine.claims(of:)) ?? [:] : [:]
        let exceptions = config.policy.exceptions.filter { !$0.isExpired(today: today) }
        let builtIn = findings.isEmpty ? nil : BuiltInObjects.entry(for: request)
        let judged = findings.map { original -> AdmissionDecision.Judged in
            var finding = original
            let effect: AdmissionDecision.Effect
            switch PolicyEngine.judge(&finding, config: config.policy, exceptions: exceptions, claims: claims) {
            case .excepted: effect = .excepted
            case .claimed: effect = .claimed
            case .counts where !previous.isEmpty && previous.contains(Self.identity(finding)):
                effect = mode == .audit ? .audit : .preexisting
            case .counts:
                switch mode {
                case .enforce: effect = finding.severity < config.denyOn ? .warn : builtIn == nil ? .deny : .builtIn
                case .warn: effect = .warn
                case .audit: effect = .audit
                }
            }
            return AdmissionDecision.Judged(finding: finding, effect: effect)
        }
        return AdmissionDecision(response: Self.response(uid: request.uid, judged, kind: request.kind, mode: mode),
                                 mode: mode, skipped: nil, findings: judged)
    }

    /// Why the request is allowed without judging it, or nil when it is judged.
    private func skipReason(_ request: AdmissionRequest, namespace: String?) -> String? {
        let user = request.userInfo
        if config.exemptUsers.contains(user.username) || config.exemptServiceAccountUsers.contains(user.username) {
            return "exempt user"
        }
        if user.groups.contains(where: config.exemptGroups.contains) { return "exempt group" }
        if let namespace, config.exemptNamespaces.contains(namespace) { return "exempt namespace" }
        guard request.operation == .create || request.operation == .update else { return "operation \(request.operation.rawValue)" }
        if let subresource = request.subResource, !Self.judgedSubresources.contains(subresource) {
            return "subresource \(subresource)"
        }
        guard rulesByKind[request.kind] != nil else { return "kind not judged" }
        guard request.object != nil else { return "no object" }
        return nil
    }

    /// The findings of the catalog's one-object rules on `root`, about that object only.
    private func evaluate(_ root: Node, _ scope: RequestScope) -> [Finding] {
        guard let object = scope.object(root) else { return [] }
        var objects = [object]
        if object.kind != "Namespace", let namespace = scope.namespaceObject() { objects.append(namespace) }
        let context = AuditContext(inventory: Inventory(objects: objects), settings: config.policy.settings)
        var findings: [Finding] = []
        for rule in rulesByKind[object.kind] ?? [] {
            for violation in rule.evaluate(in: context) where violation.object.reference == object.reference {
                findings.append(Finding(rule: rule.metadata, violation: violation))
            }
        }
        // Most severe first, then in catalog and field order. Positions are sorted, not findings:
        // moving whole findings (a dozen references each) cost more than some rules.
        return findings.indices
            .sorted { (findings[$0].severity, $1) > (findings[$1].severity, $0) }
            .map { findings[$0] }
    }

    /// A finding's identity across the old and new object: rule and field.
    private static func identity(_ finding: Finding) -> String {
        finding.ruleId + "|" + finding.path
    }

    /// The response: denied when any finding denies, with the first `maximumListedFindings` denying
    /// findings in the message (each cut like a warning) and the count of the others; warnings for the
    /// findings the client should see.
    static func response(uid: String, _ judged: [AdmissionDecision.Judged], kind: String, mode: AdmissionMode) -> AdmissionResponse {
        // Only the findings shown are described: describing a million to show twenty cost seconds.
        let shown = judged.lazy.filter { $0.effect == .warn || $0.effect == .preexisting || $0.effect == .builtIn }
        let shownCount = shown.count
        let described = shownCount > maximumWarnings ? maximumWarnings - 1 : shownCount
        var warnings: [String] = shown.prefix(described).map { item in
            switch item.effect {
            case .preexisting: clipped(describe(item.finding) + " (already present before this update)", to: maximumWarningLength)
            case .builtIn: clipped(describe(item.finding) + " (object Kubernetes creates itself: not denied)", to: maximumWarningLength)
            default: clipped(describe(item.finding), to: maximumWarningLength)
            }
        }
        if shownCount > described { warnings.append("rampart: \(shownCount - described) more findings not shown") }
        let denials = judged.lazy.filter { $0.effect == .deny }.map(\.finding)
        let denialCount = denials.count
        guard denialCount > 0 else { return AdmissionResponse(uid: uid, allowed: true, warnings: warnings) }
        var message = "rampart denied this \(kind) (namespace mode \(mode.rawValue)): "
            + denials.prefix(maximumListedFindings).map { clipped(describe($0), to: maximumWarningLength) as String }.joined(separator: "; ")
        if denialCount > maximumListedFindings {
            message += "; and \(denialCount - maximumListedFindings) more denying findings not shown (\(denialCount) in all)"
        }
        return AdmissionResponse(uid: uid, allowed: false, message: message, warnings: warnings)
    }

    /// `text`, cut to `length` characters (the last one an ellipsis) when longer.
    public static func clipped(_ text: String, to length: Int) -> String {
        text.utf8.count > length && text.count > length ? String(text.prefix(length - 1)) + "…" : text
    }

    /// `rule-id at field: message`.
    private static func describe(_ finding: Finding) -> String {
        var text = TextBuffer(capacity: finding.ruleId.utf8.count + finding.path.utf8.count + finding.message.utf8.count + 6)
        text.append(finding.ruleId)
        text.append(" at ")
        text.append(finding.path)
        text.append(": ")
        text.append(finding.message)
        return text.text
    }
}
