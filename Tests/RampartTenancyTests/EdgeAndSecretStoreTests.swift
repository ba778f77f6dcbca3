import Foundation
import RampartModel
import RampartRules
import RampartTenancy
import Testing
import TestSupport

/// Issue 19, items 4, 5, 11 and 13: the edge (hostnames, Gateway API references, ingress-nginx
/// snippets, public nodes), cloud identities, External Secrets stores and the CNI's encryption, as
/// the tenancy verdict reads them.
@Suite struct EdgeAndSecretStoreTests {
    static let model = TenancyModel(tenants: [
        TenantSpec(name: "a", namespaces: NamespaceMatcher(names: ["team-a"]), origin: "test"),
        TenantSpec(name: "b", namespaces: NamespaceMatcher(names: ["team-b"]), origin: "test"),
    ], source: "test")

    static let namespaces = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: team-a, labels: {kubernetes.io/metadata.name: team-a, tier: gold}}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: team-b, labels: {kubernetes.io/metadata.name: team-b}}
        """

    static func report(_ yaml: String) -> (findings: [Finding], report: TenancyReport) {
        let context = Example.context(Fixtures.objects(namespaces + "\n---\n" + yaml), model: model)
        return (Auditor.audit(context, rules: Catalog.rules), context.tenancy)
    }

    static func store(_ conditions: String) -> String {
        """
        apiVersion: external-secrets.io/v1beta1
        kind: ClusterSecretStore
        metadata: {name: vault}
        spec:
        \(conditions)
          provider: {vault: {server: "https://vault.example.com"}}
        """
    }

    @Test("a ClusterSecretStore serves the namespaces its conditions match (any condition, any of its three fields)",
          arguments: [
              ("", true),
              ("  conditions: []", true),
              ("  conditions:\n  - namespaces: [team-a]", false),
              ("  conditions:\n  - namespaceSelector: {matchLabels: {tier: gold}}", false),
              ("  conditions:\n  - namespaceRegexes: [\"^team-a$\"]", false),
              ("  conditions:\n  - namespaceRegexes: [\"team-\"]", true),  // unanchored, as Go's MatchString
              ("  conditions:\n  - namespaces: [team-a]\n  - namespaceSelector: {matchExpressions: [{key: tier, operator: DoesNotExist}]}", true),
              ("  conditions:\n  - namespaceRegexes: [\"(\"]", false),  // an invalid expression matches nothing
          ])
    func storeReach(_ conditions: String, sharedByBoth: Bool) {
        let (findings, _) = Self.report(Self.store(conditions))
        #expect(findings.contains { $0.ruleId == "tenancy.shared-secret-store" } == sharedByBoth, "\(conditions)")
        #expect(findings.filter { $0.ruleId == "tenancy.shared-secret-store" }.count <= 1)
    }

    @Test func aHostnameRoutedToTwoTenantsIsOneFindingOnTheLaterClaimAndFailsBoth() throws {
        let (findings, report) = Self.report("""
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: shop, namespace: team-b}
            spec:
              hostnames: [shop.example.com]
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: shop, namespace: team-a}
            spec:
              tls: [{hosts: [SHOP.example.com]}]
              rules: [{host: SHOP.example.com}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: shop-admin, namespace: team-a}
            spec:
              tls: [{hosts: [shop.example.com]}]
              rules: [{host: shop.example.com}]
            """)
        let claims = findings.filter { $0.ruleId == "tenancy.host-claimed-twice" }
        #expect(claims.map(\.object.description) == ["Ingress/team-a/shop"])
        for tenant in ["a", "b"] {
            let network = report.verdict(tenant)?.layers.first { $0.layer == .network }
            #expect(network?.evidence.contains { $0.status == .fail && $0.rules == ["tenancy.host-claimed-twice"] } == true, "\(tenant)")
        }
    }

    @Test func aReferenceGrantAllowsOnlyTheKindNamespaceAndNameItNames() {
        let route = """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: web, namespace: team-a}
            spec:
              rules:
              - backendRefs: [{name: api, namespace: team-b, port: 80}]
            """
        func grant(from namespace: String, kind: String = "HTTPRoute", name: String? = nil) -> String {
            """
            apiVersion: gateway.networking.k8s.io/v1beta1
            kind: ReferenceGrant
            metadata: {name: from-a, namespace: team-b}
            spec:
              from: [{group: gateway.networking.k8s.io, kind: \(kind), namespace: \(namespace)}]
              to: [{group: "", kind: Service\(name.map { ", name: \($0)" } ?? "")}]
            """
        }
        func refused(_ yaml: String) -> Bool {
            CrossNamespaceReferences(Fixtures.inventory(yaml)).references.contains { !$0.granted }
        }
        #expect(refused(route))
        #expect(!refused(route + "\n---\n" + grant(from: "team-a")))
        #expect(!refused(route + "\n---\n" + grant(from: "team-a", name: "api")))
        #expect(refused(route + "\n---\n" + grant(from: "team-a", name: "web")))
        #expect(refused(route + "\n---\n" + grant(from: "team-c")))
        #expect(refused(route + "\n---\n" + grant(from: "team-a", kind: "GRPCRoute")))
    }

    @Test func snippetsFailTheTenantThatUsesThemOnlyWhenTheControllerAllowsThem() {
        let ingress = """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: web
              namespace: team-a
              annotations: {nginx.ingress.kubernetes.io/server-snippet: "location /x { return 200; }"}
            spec:
              tls: [{hosts: [a.example.com]}]
              rules: [{host: a.example.com}]
            """
        let allowing = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: ingress-nginx-controller, namespace: kube-system}
            data: {allow-snippet-annotations: "%@"}
            """
        for (value, fails) in [("true", true), ("True", true), ("false", false)] {
            let (findings, report) = Self.report(ingress + "\n---\n" + allowing.replacingOccurrences(of: "%@", with: value))
            let network = report.verdict("a")?.layers.first { $0.layer == .network }
            #expect(network?.evidence.contains { $0.status == .fail && $0.rules == ["exposure.ingress-nginx-snippets"] } == fails, "\(value)")
            #expect(findings.contains { $0.ruleId == "exposure.ingress-nginx-snippets" } == fails)
        }
    }

    @Test func hostPortsOnPublicNodesAreReportedAndPrivateOnesAreNot() {
        func documents(external: Bool) -> String {
            """
            apiVersion: v1
            kind: Node
            metadata: {name: n1}
            status:
              addresses:
              - {type: InternalIP, address: 10.0.0.1}
            \(external ? "  - {type: ExternalIP, address: 198.51.100.1}" : "")
            ---
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: agent, namespace: team-a}
            spec:
              template:
                spec:
                  containers:
                  - name: agent
                    image: agent
                    ports: [{containerPort: 9100, hostPort: 9100}]
            """
        }
        let exposed = Self.report(documents(external: true)).findings.filter { $0.ruleId == "tenancy.public-node-exposure" }
        #expect(exposed.count == 1)
        #expect(exposed.first?.message.contains("host port 9100") == true)
        #expect(!Self.report(documents(external: false)).findings.contains { $0.ruleId == "tenancy.public-node-exposure" })
    }

    @Test func oneCloudIdentityInTwoTenantsFailsBothAndTheWritersAreNamed() {
        let (findings, report) = Self.report("""
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: app
              namespace: team-a
              annotations: {iam.gke.io/gcp-service-account: app@project.iam.gserviceaccount.com}
            ---
            apiVersion: eks.services.k8s.aws/v1alpha1
            kind: PodIdentityAssociation
            metadata: {name: b-app, namespace: team-b}
            spec: {clusterName: prod, namespace: team-b, serviceAccount: app, roleARN: "arn:aws:iam::1:role/x"}
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: worker
              namespace: team-b
              annotations: {iam.gke.io/gcp-service-account: app@project.iam.gserviceaccount.com}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: devs, namespace: team-b}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
            subjects: [{apiGroup: rbac.authorization.k8s.io, kind: Group, name: "b:devs"}]
            """)
        #expect(findings.filter { $0.ruleId == "tenancy.shared-cloud-identity" }.map(\.object.description) == ["ServiceAccount/team-b/worker"])
        #expect(findings.filter { $0.ruleId == "serviceaccounts.cloud-identity-writable" }.map(\.object.description) == ["RoleBinding/team-b/devs"])
        #expect(report.verdict("a")?.status(.secrets) == .fail)
        let secrets = report.verdict("b")?.layers.first { $0.layer == .secrets }
        #expect(secrets?.evidence.contains { $0.rules == ["serviceaccounts.cloud-identity-writable"] } == true)
        #expect(secrets?.evidence.contains { $0.message.contains("IAM role arn:aws:iam::1:role/x") && $0.status == .pass } == true)
    }

    @Test("CNI encryption is transit evidence, never a tenant's required mutual TLS",
          arguments: [
              "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cilium-config, namespace: kube-system}\ndata: {enable-wireguard: \"true\"}",
              "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cilium-config, namespace: kube-system}\ndata: {enable-ipsec: \"true\"}",
              "apiVersion: crd.projectcalico.org/v1\nkind: FelixConfiguration\nmetadata: {name: default}\nspec: {wireguardEnabled: true}",
          ])
    func cniEncryption(_ config: String) throws {
        var model = Self.model
        model.tenants[0].requireMeshMTLS = true
        let context = Example.context(Fixtures.objects(Self.namespaces + "\n---\n" + config), model: model)
        let secrets = try #require(context.tenancy.verdict("a")?.layers.first { $0.layer == .secrets })
        #expect(secrets.evidence.contains { $0.status == .pass && $0.message.contains("traffic between nodes is encrypted") })
        #expect(secrets.status == .fail)
        #expect(secrets.evidence.contains { $0.status == .fail && $0.message.contains("authenticates no workload") })
    }

    @Test func istioAmbientModeCoversANamespace() throws {
        var model = Self.model
        model.tenants[0].requireMeshMTLS = true
        let context = Example.context(Fixtures.objects("""
            apiVersion: v1
            kind: Namespace
            metadata: {name: team-a, labels: {istio.io/dataplane-mode: ambient}}
            """), model: model)
        #expect(context.tenancy.verdict("a")?.status(.secrets) == .pass)
    }
}
