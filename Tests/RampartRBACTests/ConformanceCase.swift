import Foundation
import RampartModel
import RampartRBAC
import TestSupport

/// One RBAC conformance case of `../shared/conformance/rbac` (format in its README), read with
/// Rampart's own loader.
struct ConformanceCase {
    /// A can-i, who-can or rules check with its expectation.
    enum Check {
        case canI(RequestUser, AccessRequest, allowed: Bool)
        case whoCan(AccessRequest, subjects: Set<Subject>)
        case rules(RequestUser, namespace: String, rules: Set<PolicyRule>)
    }

    let id: String
    let objects: [KubeObject]
    let checks: [(label: String, check: Check)]

    /// Parses a case file's text; nil when it is not a case.
    init?(text: String, file: String) {
        // The loader keeps documents with a kind only; a case has none, so give it one.
        guard let root = Fixtures.objects("kind: ConformanceCase\n" + text, file: file).first?.root else { return nil }
        id = root["id"]?.string ?? file
        var objects = (root["objects"]?.items ?? []).compactMap { KubeObject(root: $0, file: file) }
        let superUsers = (root["superUsers"]?.items ?? []).compactMap(\.string)
        if !superUsers.isEmpty { objects += Self.superUserObjects(superUsers) }
        self.objects = objects
        var checks: [(String, Check)] = []
        for (index, query) in (root["queries"]?.items ?? []).enumerated() {
            guard let subject = query["subject"], let request = Self.request(query) else { continue }
            checks.append(("\(id) queries[\(index)]", .canI(Self.user(subject), request, allowed: query["expected"]?.string == "allow")))
        }
        for (index, query) in (root["whoCan"]?.items ?? []).enumerated() {
            guard let request = Self.request(query) else { continue }
            let subjects = Set((query["expectedSubjects"]?.items ?? []).compactMap(Self.subject))
            checks.append(("\(id) whoCan[\(index)]", .whoCan(request, subjects: subjects)))
        }
        for (index, query) in (root["rulesFor"]?.items ?? []).enumerated() {
            guard let subject = query["subject"] else { continue }
            let rules = Set((query["expectedRules"]?.items ?? []).map(PolicyRule.init).map(Self.normalised))
            checks.append(("\(id) rulesFor[\(index)]", .rules(Self.user(subject), namespace: query["namespace"]?.string ?? "", rules: rules)))
        }
        self.checks = checks
    }

    /// A rule with its lists sorted and deduplicated, as the conformance driver compares rules.
    static func normalised(_ rule: PolicyRule) -> PolicyRule {
        func set(_ values: [String]) -> [String] { Set(values).sorted() }
        return PolicyRule(verbs: set(rule.verbs), apiGroups: set(rule.apiGroups), resources: set(rule.resources),
                          resourceNames: set(rule.resourceNames), nonResourceURLs: set(rule.nonResourceURLs))
    }

    private static func user(_ subject: Node) -> RequestUser {
        let name = subject["name"]?.string ?? ""
        switch subject["kind"]?.string {
        case "Group": return RequestUser(name: nil, groups: [name])
        case "ServiceAccount": return RequestUser(name: Subject.serviceAccountUserName(namespace: subject["namespace"]?.string ?? "", name: name))
        default: return RequestUser(name: name, groups: (subject["groups"]?.items ?? []).compactMap(\.string))
        }
    }

    private static func subject(_ node: Node) -> Subject? {
        guard let kind = node["kind"]?.string.flatMap(Subject.Kind.init(rawValue:)) else { return nil }
        return Subject(kind: kind, name: node["name"]?.string ?? "", namespace: node["namespace"]?.string)
    }

    private static func request(_ query: Node) -> AccessRequest? {
        guard let verb = query["verb"]?.string else { return nil }
        if let path = query["nonResourceURL"]?.string {
            return AccessRequest(verb: verb, target: .nonResource(path: path))
        }
        let namespace = query["namespace"]?.string ?? ""
        return .resource(verb, group: query["apiGroup"]?.string ?? "", query["resource"]?.string ?? "",
                         subresource: query["subresource"]?.string ?? "", name: query["name"]?.string ?? "",
                         namespace: namespace == "*" ? "" : namespace)
    }

    /// The kube-apiserver super users of a case, as the conformance driver models them.
    private static func superUserObjects(_ users: [String]) -> [KubeObject] {
        Fixtures.objects("""
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: "conformance:super-user"}
            rules:
            - {apiGroups: ["*"], resources: ["*"], verbs: ["*"]}
            - {nonResourceURLs: ["*"], verbs: ["*"]}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: "conformance:super-user"}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "conformance:super-user"}
            subjects:
            """ + users.map { "\n- {kind: User, apiGroup: rbac.authorization.k8s.io, name: \"\($0)\"}" }.joined())
    }
}
