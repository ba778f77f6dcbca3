import RampartControlPlane
import RampartModel

/// `controlplane.audit-changes-unrecorded`: the audit policy loses the changes that break tenant isolation.
public struct ControlPlaneAuditChangesUnrecorded: ConfigDocumentRule {
    public let metadata = RuleMetadata(
        id: "controlplane.audit-changes-unrecorded",
        title: "Audit policy does not record RBAC changes, exec into pods or namespace label changes",
        severity: .low, layer: .controlPlane,
        standards: ["CIS 3.2.2", "NSA/CISA: audit logging"],
        rationale: """
            The changes that break tenant isolation must leave a trace that says what changed: an RBAC write that grants \
            a tenant more (recorded with its body, level Request or more, to show what was granted), a shell opened in a \
            pod with exec, attach or port-forward (level Metadata or more: who, where, when), and a namespace update that \
            relabels it (level Request or more: the labels decide its Pod Security level and which tenant it belongs to). \
            The policy's first rule that covers such a request decides; a rule restricted to some users, verbs or \
            namespaces that records less lets those requests through.
            """,
        remediation: """
            Before any broader rule, add `- level: RequestResponse` for `resources: [{group: rbac.authorization.k8s.io}]`, \
            `- level: Request` with `verbs: [update, patch]` for `resources: [{group: "", resources: [namespaces]}]`, and \
            `- level: Metadata` for `resources: [{group: "", resources: [pods/exec, pods/attach, pods/portforward]}]`.
            """)

    /// A kind of change that must be recorded, the requests that make it, and the least level that shows it.
    struct Requirement {
        var what: String
        var requests: [AuditRequest]
        var minimum: AuditPolicy.Level
    }

    static let requirements: [Requirement] = [
        Requirement(what: "RBAC changes", requests: ["roles", "rolebindings", "clusterroles", "clusterrolebindings"].flatMap { resource in
            ["create", "update", "patch"].map {
                AuditRequest(group: "rbac.authorization.k8s.io", resource: resource, verb: $0, isClusterScoped: resource.hasPrefix("cluster"))
            }
        }, minimum: .request),
        Requirement(what: "exec, attach and port-forward into pods", requests: ["exec", "attach", "portforward"].flatMap { subresource in
            // A stream opened with POST is `create`; over a WebSocket, `get`.
            ["create", "get"].map { AuditRequest(group: "", resource: "pods", subresource: subresource, verb: $0) }
        }, minimum: .metadata),
        Requirement(what: "namespace label changes", requests: ["update", "patch"].map {
            AuditRequest(group: "", resource: "namespaces", verb: $0)
        }, minimum: .request),
    ]

    public init() {}

    func documents(in controlPlane: ControlPlane) -> [AuditPolicy] { controlPlane.auditPolicies }
    func object(of document: AuditPolicy) -> KubeObject { document.object }

    func problems(_ policy: AuditPolicy) -> [ConfigProblem] {
        Self.requirements.flatMap { problems(policy, $0) }
    }

    /// One problem per rule that records some of the requirement's requests below its level (and one when
    /// no rule covers some of them), naming the requests.
    private func problems(_ policy: AuditPolicy, _ requirement: Requirement) -> [ConfigProblem] {
        var shortfalls: [(match: AuditPolicy.Match?, request: AuditRequest)] = []
        for request in requirement.requests {
            let matches = policy.matches(request)
            for match in matches where match.level < requirement.minimum { shortfalls.append((match, request)) }
            if matches.last?.isUnconditional != true { shortfalls.append((nil, request)) }
        }
        let byRule = Dictionary(grouping: shortfalls) { $0.match?.index ?? -1 }
        return byRule.keys.sorted().map { index in
            let group = byRule[index] ?? []
            let requests = Self.describe(group.map(\.request))
            guard let match = group.first?.match else {
                return ConfigProblem(path: "rules", message: "no rule records every request of \(requirement.what) (\(requests)): the rest leave no trace")
            }
            let some = match.isUnconditional ? "" : " for some requests"
            return ConfigProblem(path: match.path, message: "rules[\(index)] records \(requirement.what) at level \(match.level.rawValue)\(some) (\(requests)); \(requirement.minimum.rawValue) at least is needed")
        }
    }

    /// `roles, clusterroles: create, patch`: the resources and the verbs of `requests`, each once, in order.
    static func describe(_ requests: [AuditRequest]) -> String {
        func distinct(_ values: [String]) -> String {
            var seen: Set<String> = []
            return values.filter { seen.insert($0).inserted }.joined(separator: ", ")
        }
        return "\(distinct(requests.map(\.combinedResource))): \(distinct(requests.compactMap(\.verb)))"
    }
}
