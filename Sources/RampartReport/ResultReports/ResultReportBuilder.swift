import Foundation
import RampartLoading
import RampartModel
import RampartRules

/// Turns an audit into report objects (`ResultReportAPI`): one per namespace, holding the findings
/// about its objects and about the Namespace itself, and one for the cluster-scoped objects. Each
/// report is bounded: past `maximumResults` findings its results are aggregated per rule (one
/// result per rule, with the count and the first objects), never one object per finding.
///
/// A result carries what the finding says (rule, severity, object, message, field, file:line) and the
/// rule's fix; findings never hold secret values, so neither do reports.
public struct ResultReportBuilder: Sendable {
    /// The label that marks the reports Rampart owns (and may delete when stale).
    public static let managedByLabel = (key: "app.kubernetes.io/managed-by", value: "rampart")
    /// The name of every report Rampart writes (one per namespace, one cluster report).
    public static let reportName = "rampart"
    /// Objects named in one aggregated result.
    static let aggregatedResources = 5

    public var api: ResultReportAPI
    /// Results per report beyond which they are aggregated per rule.
    public var maximumResults: Int
    /// When the results were found.
    public var timestamp: Date
    /// The namespaces read: each gets a report, an empty one when nothing was found in it.
    public var namespaces: [String]

    public init(api: ResultReportAPI, maximumResults: Int = 100, timestamp: Date, namespaces: [String]) {
        self.api = api
        self.maximumResults = maximumResults
        self.timestamp = timestamp
        self.namespaces = namespaces
    }

    /// The reports of `report`, namespaces in name order, the cluster report last.
    public func build(_ report: AuditReport) -> [ResultReport] {
        let findings = Dictionary(grouping: report.findings, by: Self.scope)
        let suppressed = Dictionary(grouping: report.suppressed.map(\.finding), by: Self.scope).mapValues(\.count)
        let scopes = Set(namespaces).union(findings.keys.compactMap { $0 }).sorted()
        var reports = scopes.map { namespace in
            manifest(namespace: namespace, findings: findings[namespace] ?? [], suppressed: suppressed[namespace] ?? 0,
                     errors: [])
        }
        reports.append(manifest(namespace: nil, findings: findings[nil] ?? [], suppressed: suppressed[nil] ?? 0,
                                errors: report.errors))
        return reports
    }

    /// The namespace whose report holds `finding`: the object's namespace, the Namespace itself, or
    /// nil for the cluster report.
    static func scope(_ finding: Finding) -> String? {
        if let namespace = finding.object.namespace { return namespace }
        if finding.object.kind == "Namespace", finding.object.apiVersion == "v1" { return finding.object.name }
        return nil
    }

    private func manifest(namespace: String?, findings: [Finding], suppressed: Int, errors: [InputError]) -> ResultReport {
        let sorted = findings.sorted()
        var results = sorted.count > maximumResults
            ? aggregated(sorted)
            : sorted.map(result)
        // Input errors fill the room that is left; `summary.error` counts them all.
        results += errors.prefix(max(0, maximumResults - results.count)).map(errorResult)
        var metadata: [(key: String, value: Node)] = [("name", .string(Self.reportName))]
        if let namespace { metadata.append(("namespace", .string(namespace))) }
        metadata.append(("labels", .strings([Self.managedByLabel, (key: "app.kubernetes.io/name", value: "rampart")])))
        var object: [(key: String, value: Node)] = [
            ("apiVersion", .string(api.apiVersion)),
            ("kind", .string(api.kind(namespaced: namespace != nil))),
            ("metadata", .mapping(metadata)),
        ]
        if let namespace {
            object.append(("scope", .mapping(["apiVersion": .string("v1"), "kind": .string("Namespace"), "name": .string(namespace)])))
        }
        if api.sourceOnReport { object.append(("source", .string("rampart"))) }
        if api.statesLimits {
            object.append(("configuration", .mapping(["limits": .mapping([
                "maxResults": .int(maximumResults), "statusFilter": .strings(["fail", "error"]),
            ])])))
        }
        object.append(("summary", .mapping([
            "pass": .int(0), "fail": .int(findings.count), "warn": .int(0), "error": .int(errors.count), "skip": .int(suppressed),
        ])))
        object.append(("results", .sequence(results)))
        return ResultReport(api: api, namespace: namespace, name: Self.reportName, manifest: .mapping(object))
    }

    /// One result per finding.
    private func result(for finding: Finding) -> Node {
        var properties: [(key: String, value: String)] = [("title", finding.title), ("path", finding.path)]
        if let file = finding.location.file { properties.append(("location", "\(file):\(finding.location.line)")) }
        if !finding.standards.isEmpty { properties.append(("standards", finding.standards.joined(separator: ", "))) }
        properties.append(("fix", finding.fix))
        return entry(ruleId: finding.ruleId, layer: finding.layer.rawValue, severity: finding.severity.rawValue, status: "fail",
                     resources: [finding.object], message: finding.message, properties: properties)
    }

    /// One result per rule (the count, the first objects, the first message), highest severity
    /// first; past `maximumResults` rules, the rest folded into one last result.
    private func aggregated(_ findings: [Finding]) -> [Node] {
        var seen = Set<String>()
        let order = findings.map(\.ruleId).filter { seen.insert($0).inserted }
        let byRule = Dictionary(grouping: findings, by: \.ruleId)
        let groups = order.compactMap { byRule[$0] }
        let shown = groups.count > maximumResults ? groups.prefix(maximumResults - 1) : groups[...]
        var results = shown.compactMap { group -> Node? in
            guard let first = group.first else { return nil }
            guard group.count > 1 else { return result(for: first) }
            var objects: [ObjectReference] = []
            for finding in group where !objects.contains(finding.object) {
                objects.append(finding.object)
                if objects.count == Self.aggregatedResources { break }
            }
            let properties: [(key: String, value: String)] = [
                ("title", first.title), ("count", String(group.count)), ("aggregated", "true"), ("fix", first.fix),
            ]
            return entry(ruleId: first.ruleId, layer: first.layer.rawValue, severity: first.severity.rawValue, status: "fail",
                         resources: objects, message: "\(group.count) findings; the first: \(first.message)", properties: properties)
        }
        let rest = groups.dropFirst(shown.count)
        if let worst = rest.first?.first {
            let count = rest.reduce(0) { $0 + $1.count }
            let rules = rest.compactMap(\.first?.ruleId)
            results.append(entry(ruleId: "rampart.more", layer: worst.layer.rawValue, severity: worst.severity.rawValue, status: "fail",
                                 resources: [], message: "\(count) more findings of \(rules.count) more rules: \(rules.joined(separator: ", "))",
                                 properties: [("count", String(count)), ("aggregated", "true")]))
        }
        return results
    }

    /// An input that could not be read or parsed: the audit of it did not happen.
    private func errorResult(_ error: InputError) -> Node {
        entry(ruleId: "rampart.input", layer: "input", severity: nil, status: "error", resources: [],
              message: error.description, properties: [])
    }

    private func entry(ruleId: String, layer: String, severity: String?, status: String, resources: [ObjectReference],
                       message: String, properties: [(key: String, value: String)]) -> Node {
        var entries: [(key: String, value: Node)] = []
        if !api.sourceOnReport { entries.append(("source", .string("rampart"))) }
        let family = ruleId.split(separator: ".", maxSplits: 1).first.map(String.init) ?? ruleId
        entries += [("policy", .string(family)), ("rule", .string(ruleId)), ("category", .string(layer))]
        if let severity { entries.append(("severity", .string(severity))) }
        entries += [
            ("result", .string(status)),
            ("scored", .bool(true)),
            ("timestamp", .mapping(["seconds": .int(Int(timestamp.timeIntervalSince1970)), "nanos": .int(0)])),
        ]
        if !resources.isEmpty { entries.append(("resources", .sequence(resources.map(Self.reference)))) }
        entries.append(("message", .string(message)))
        if !properties.isEmpty { entries.append(("properties", .strings(properties))) }
        return .mapping(entries)
    }

    private static func reference(_ object: ObjectReference) -> Node {
        var entries: [(key: String, value: Node)] = [("apiVersion", .string(object.apiVersion)), ("kind", .string(object.kind))]
        if let namespace = object.namespace { entries.append(("namespace", .string(namespace))) }
        entries.append(("name", .string(object.name)))
        return .mapping(entries)
    }
}
