import Foundation
import RampartLoading
import RampartModel
import RampartNetwork
import RampartPSS
import RampartRBAC
import RampartReport
import RampartRules
import Testing
import TestSupport

/// The JSON shapes of the answers of `pss`, `rbac` and `netpol`, as DESIGN.md's contract names their
/// keys, each with the run's input errors under `errors`.
@Suite struct AnswerReportTests {
    /// A namespace enforcing baseline with a privileged pod, a service account allowed to read
    /// secrets through a Role, and a default-deny ingress policy with one allowed port.
    static let cluster = Fixtures.inventory("""
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
          labels: {pod-security.kubernetes.io/enforce: baseline}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: api, namespace: shop, labels: {app: api}}
        spec:
          containers:
          - name: api
            image: r.io/api:1
            ports: [{containerPort: 8080}]
            securityContext: {privileged: true}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop, labels: {app: web}}
        spec:
          containers: [{name: web, image: r.io/web:1, ports: [{containerPort: 80}]}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: secret-reader, namespace: shop}
        rules: [{apiGroups: [""], resources: [secrets], verbs: [get, list]}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: reader, namespace: shop}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: secret-reader}
        subjects: [{kind: ServiceAccount, name: indexer, namespace: shop}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: api-ingress, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: api}}
          ingress: [{from: [{podSelector: {matchLabels: {app: web}}}], ports: [{port: 8080}]}]
        """)

    static let errors = [InputError(file: "broken.yaml", line: 3, column: 1, message: "mapping values are not allowed here")]
    static let indexer = RequestUser(name: "system:serviceaccount:shop:indexer")

    /// The report encoded by `JSONReporter`, parsed back.
    static func json(_ report: some Encodable) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(JSONReporter.encode(report).utf8)) as? [String: Any])
    }

    /// The input errors are in the JSON, with the keys of the audit contract.
    static func expectErrors(_ json: [String: Any]) throws {
        let error = try #require((json["errors"] as? [[String: Any]])?.first)
        #expect(error["file"] as? String == "broken.yaml")
        #expect(error["line"] as? Int == 3)
        #expect(error["message"] as? String == "mapping values are not allowed here")
    }

    @Test func podSecurityReportHasResultsWithViolations() throws {
        let report = PodSecurityReport(verdicts: PodVerdict.evaluate(Self.cluster), errors: Self.errors)
        let json = try Self.json(report)
        #expect(Set(json.keys) == ["results", "errors"])
        try Self.expectErrors(json)
        let results = try #require(json["results"] as? [[String: Any]])
        #expect(results.count == 2)
        let api = try #require(results.first { ($0["object"] as? [String: Any])?["name"] as? String == "api" })
        #expect(Set(api.keys) == ["object", "location", "allowed", "level", "version", "policySource", "violations",
                                  "audit", "warn", "policyErrors"])
        #expect(api["allowed"] as? Bool == false)
        let location = try #require(api["location"] as? [String: Any])
        #expect(location["file"] as? String == "test.yaml")
        let violation = try #require((api["violations"] as? [[String: Any]])?.first)
        #expect(Set(violation.keys) == ["check", "reason", "detail"])
        #expect(violation["check"] as? String == "privileged")
        #expect(report.failed)
        #expect(RunStatus(report, cleanInputs: 1) == .failed)
        #expect(report.text.hasPrefix("error: broken.yaml:3:1: "))
        #expect(report.diagnostics.isEmpty, "pss shows its input errors in the text itself")
    }

    @Test func canIReportSaysAllowedAndVia() throws {
        let policy = RBACPolicy(inventory: Self.cluster)
        let request = AccessRequest.parse(verb: "get", resource: "secrets", namespace: "shop")
        let report = RBACReport(RBACCanIAnswer(policy.authorize(Self.indexer, request)), errors: Self.errors)
        let json = try Self.json(report)
        #expect(Set(json.keys) == ["allowed", "via", "notes", "unresolvedBindings", "errors"])
        try Self.expectErrors(json)
        #expect(json["allowed"] as? Bool == true)
        let grant = try #require((json["via"] as? [[String: Any]])?.first)
        #expect((grant["binding"] as? [String: Any])?["name"] as? String == "reader")
        #expect(!report.failed)
        #expect(report.text.hasPrefix("yes\n  via "))
        #expect(report.diagnostics == [Self.errors[0].description])

        let denied = RBACReport(RBACCanIAnswer(policy.authorize(Self.indexer, AccessRequest.parse(verb: "delete", resource: "secrets", namespace: "shop"))),
                                errors: [])
        #expect(try Self.json(denied)["allowed"] as? Bool == false)
        #expect(denied.failed)
        #expect(RunStatus(denied, cleanInputs: 1) == .failed)
    }

    @Test func whoCanReportListsSubjects() throws {
        let review = RBACPolicy(inventory: Self.cluster).subjects(allowedTo: AccessRequest.parse(verb: "list", resource: "secrets", namespace: "shop"))
        let report = RBACReport(RBACWhoCanAnswer(review), errors: Self.errors)
        let json = try Self.json(report)
        #expect(Set(json.keys) == ["subjects", "via", "notes", "unresolvedBindings", "errors"])
        try Self.expectErrors(json)
        let subjects = try #require(json["subjects"] as? [[String: Any]])
        let account = try #require(subjects.first { $0["kind"] as? String == "ServiceAccount" })
        #expect(Set(account.keys) == ["kind", "name", "namespace"])
        #expect(account["name"] as? String == "indexer")
        #expect(subjects.contains { $0["kind"] as? String == "Group" && $0["name"] as? String == "system:masters" })
        #expect(!report.failed)
    }

    @Test func rulesReportListsRules() throws {
        let effective = RBACPolicy(inventory: Self.cluster).rules(for: Self.indexer, namespace: "shop")
        let json = try Self.json(RBACReport(RBACRulesAnswer(effective), errors: Self.errors))
        #expect(Set(json.keys) == ["rules", "via", "notes", "unresolvedBindings", "errors"])
        try Self.expectErrors(json)
        #expect((json["rules"] as? [[String: Any]])?.contains { ($0["resources"] as? [String]) == ["secrets"] } == true)
    }

    @Test func risksReportListsFindingsAndFailsAtTheThreshold() throws {
        let inventory = Fixtures.inventory("""
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: everyone-admin}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
            subjects: [{kind: User, name: alice}]
            """)
        let findings = Auditor.audit(AuditContext(inventory: inventory), rules: RBACRules.all)
        let report = RBACReport(RBACRisksAnswer(findings: findings, failOn: .high), errors: Self.errors)
        let json = try Self.json(report)
        #expect(Set(json.keys) == ["findings", "notes", "unresolvedBindings", "errors"])
        try Self.expectErrors(json)
        let finding = try #require((json["findings"] as? [[String: Any]])?.first)
        #expect(finding["ruleId"] as? String != nil)
        #expect(report.failed == findings.contains { $0.severity >= .high })
        #expect(!RBACReport(RBACRisksAnswer(findings: [], failOn: .info), errors: []).failed)
    }

    @Test func risksReportJSONIsTheWholeEncodingWithFindingsSplicedIn() throws {
        // The findings are written directly and spliced in: the bytes must be the encoder's, with
        // findings (the example cluster's RBAC, notes and escapes included) and without.
        let directory = Fixtures.repositoryRoot.appendingPathComponent("examples/cluster")
        let inventory = Inventory(objects: try Fixtures.files(under: directory).flatMap { url in
            ManifestLoader.load(Array(try Data(contentsOf: url)), file: url.path).objects
        })
        let findings = Auditor.audit(AuditContext(inventory: inventory), rules: RBACRules.all)
        #expect(findings.count > 10 && findings.contains { !$0.notes.isEmpty })
        for answer in [RBACRisksAnswer(findings: findings, failOn: .high), RBACRisksAnswer(findings: [], failOn: .high)] {
            let report = RBACReport(answer, errors: Self.errors)
            var bytes: [UInt8] = []
            try report.writeJSON { bytes.append(contentsOf: $0) }
            #expect(String(decoding: bytes, as: UTF8.self) == (try JSONReporter.encode(report)))
        }
    }

    @Test func pathsReportListsPathsAndFailsWhenOneIsFound() throws {
        let inventory = Fixtures.inventory("""
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: impersonators}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: impersonate}
            subjects: [{kind: User, name: mallory}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: impersonate}
            rules: [{apiGroups: [""], resources: [users, groups], verbs: [impersonate]}]
            """)
        var analysis = EscalationAnalysis(policy: RBACPolicy(inventory: inventory), inventory: inventory)
        let report = RBACReport(RBACPathsAnswer(analysis.paths(from: [Subject(kind: .user, name: "mallory")])), errors: Self.errors)
        let json = try Self.json(report)
        #expect(Set(json.keys) == ["paths", "notes", "unresolvedBindings", "errors"])
        try Self.expectErrors(json)
        let path = try #require((json["paths"] as? [[String: Any]])?.first)
        #expect(path["steps"] != nil)
        #expect(report.failed)
        #expect(report.text.hasPrefix("User mallory → cluster-admin in 1 step\n  1. [impersonate] "))
    }

    @Test func rbacNotesNameBuiltInRolesAndBindingsThatGrantNothing() throws {
        let inventory = Fixtures.inventory("""
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: ghost, namespace: ns}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: missing}
            subjects: [{kind: User, name: alice}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: viewer, namespace: ns}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
            subjects: [{kind: User, name: alice}]
            """)
        let decision = RBACPolicy(inventory: inventory).authorize(RequestUser(name: "alice"), AccessRequest.parse(verb: "get", resource: "pods", namespace: "ns"))
        let report = RBACReport(RBACCanIAnswer(decision), errors: [])
        #expect(report.notes.count == 2)
        #expect(report.notes[0].hasPrefix("ClusterRole/view is the built-in"))
        #expect(report.notes[1].hasPrefix("RoleBinding/ns/ghost grants nothing"))
        let json = try Self.json(report)
        #expect((json["unresolvedBindings"] as? [Any])?.count == 1)
        #expect(report.diagnostics == report.notes.map { "note: " + $0 })
    }

    @Test func matrixReportHasAConnectionPerPairAndProbe() throws {
        let analysis = NetworkAnalysis(Self.cluster)
        let probes = NetworkProbe.defaults(analysis)
        #expect(probes == [NetworkProbe(proto: .tcp, port: 80), NetworkProbe(proto: .tcp, port: 8080)])
        let report = NetworkMatrixReport(analysis, probes: probes, errors: Self.errors)
        let json = try Self.json(report)
        #expect(Set(json.keys) == ["connections", "errors"])
        try Self.expectErrors(json)
        let connections = try #require(json["connections"] as? [[String: Any]])
        #expect(connections.count == 4)
        #expect(Set(connections[0].keys) == ["from", "to", "protocol", "port", "allowed"])
        let webToApi = connections.filter { $0["from"] as? String == "shop/web" && $0["to"] as? String == "shop/api" }
        #expect(webToApi.map { $0["allowed"] as? Bool } == [false, true], "only 8080 is allowed into the api")
        #expect(report.diagnostics == ["rampart: \(Self.errors[0].description)"])
        #expect(!report.failed)
    }

    /// `netpol matrix -n`: the grid holds the pods the command keeps, and decides only their pairs.
    @Test func matrixReportKeepsOnlyThePodsItIsGiven() {
        let analysis = NetworkAnalysis(Self.cluster)
        let probes = NetworkProbe.defaults(analysis)
        #expect(Set(NetworkMatrixReport(analysis, probes: probes, errors: []).pods) == ["shop/web", "shop/api"])
        let elsewhere = NetworkMatrixReport(analysis, probes: probes, errors: []) { $0.namespace == "elsewhere" }
        #expect(elsewhere.pods.isEmpty && elsewhere.connections.isEmpty)
        let web = NetworkMatrixReport(analysis, probes: probes, errors: []) { $0.id == "shop/web" }
        #expect(web.pods == ["shop/web"] && web.connections.isEmpty)
    }

    @Test func connectionListReportHasPeersAndPorts() throws {
        let report = ConnectionListReport(NetworkAnalysis(Self.cluster).connectionList(), errors: Self.errors)
        let json = try Self.json(report)
        #expect(Set(json.keys) == ["connections", "errors"])
        try Self.expectErrors(json)
        let connections = try #require(json["connections"] as? [[String: Any]])
        let webToApi = try #require(connections.first {
            ($0["from"] as? [String: Any])?["name"] as? String == "web" && ($0["to"] as? [String: Any])?["name"] as? String == "api"
        })
        #expect(Set(webToApi.keys) == ["from", "to", "all", "ports"])
        #expect(Set(try #require(webToApi["from"] as? [String: Any]).keys) == ["kind", "namespace", "name"])
        #expect(webToApi["all"] as? Bool == false)
        let ports = try #require(webToApi["ports"] as? [[String: Any]])
        #expect(ports.count == 1)
        #expect(ports[0]["protocol"] as? String == "TCP")
        #expect(ports[0]["from"] as? Int == 8080)
        #expect(ports[0]["to"] as? Int == 8080)
        #expect(connections.contains { ($0["from"] as? [String: Any])?["ipRange"] != nil || ($0["to"] as? [String: Any])?["ipRange"] != nil })
        #expect(report.text.split(separator: "\n").count == connections.count)
    }

    @Test func namespaceFlowReportHasFlows() throws {
        let json = try Self.json(NamespaceFlowReport(NetworkAnalysis(Self.cluster).namespaceReachability(), errors: Self.errors))
        #expect(Set(json.keys) == ["flows", "errors"])
        try Self.expectErrors(json)
        let flow = try #require((json["flows"] as? [[String: Any]])?.first)
        #expect(Set(flow.keys) == ["from", "to", "all", "ports"])
    }

    @Test func explainReportHasBothSides() throws {
        let analysis = NetworkAnalysis(Self.cluster)
        let web = try #require(analysis.pods.firstIndex { $0.id == "shop/web" })
        let api = try #require(analysis.pods.firstIndex { $0.id == "shop/api" })
        let decision = try #require(analysis.decide(from: .pod(web), to: .pod(api), proto: .tcp, port: 80))
        let report = NetworkExplainReport(from: "shop/web", to: "shop/api", decision: decision, errors: Self.errors)
        let json = try Self.json(report)
        #expect(Set(json.keys) == ["from", "to", "protocol", "port", "allowed", "verdict", "egress", "ingress", "errors"])
        try Self.expectErrors(json)
        #expect(json["allowed"] as? Bool == false)
        #expect(json["verdict"] as? String == "denied")
        let ingress = try #require(json["ingress"] as? [String: Any])
        #expect(Set(ingress.keys) == ["direction", "isolated", "selectedBy", "matchingRules", "allowedBy", "allowed", "verdict", "reason"],
                "decidedBy and tier are left out when isolation, not a rule, decides")
        #expect(ingress["selectedBy"] as? [String] == ["shop/api-ingress"])
        #expect(report.text.hasPrefix("shop/web -> shop/api 80/TCP: DENIED\n"))
    }

    @Test func answerWithErrorsAddsErrorsBesideTheAnswersKeys() throws {
        let json = try Self.json(AnswerWithErrors(answer: ["answer": 42], errors: Self.errors))
        #expect(Set(json.keys) == ["answer", "errors"])
        try Self.expectErrors(json)
    }

    @Test func anAnswerOverBrokenAndCleanInputsFailsTheRun() {
        let report = NamespaceFlowReport([], errors: Self.errors)
        #expect(RunStatus(report, cleanInputs: 1) == .failed)
        #expect(RunStatus(report, cleanInputs: 0) == .inputError)
        #expect(RunStatus(NamespaceFlowReport([], errors: []), cleanInputs: 1) == .passed)
    }
}
