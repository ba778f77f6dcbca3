import RampartModel
import RampartRules
import RampartTenancy
import Testing

/// The example cluster was written for these verdicts: payments meets soft-affinity, search misses
/// soft (no default-deny), acme fails hard on compute, control plane, network, pod security and
/// containers (its notebook's image runs unverified).
@Suite struct ExampleClusterTests {
    let context = Example.context(Example.objects(), model: Example.model)

    @Test func tenantsComeFromTheFile() throws {
        let report = context.tenancy
        #expect(report.source == "examples/tenancy.yaml")
        #expect(report.verdicts.map(\.tenant) == ["payments", "search", "acme"])
        #expect(report.verdict("acme")?.namespaces == ["customer-acme"])
        #expect(report.verdict("search")?.namespaces == ["team-search"])
        #expect(report.verdict("payments")?.origin == "examples/tenancy.yaml:9")
    }

    @Test func paymentsMeetsSoftAffinity() throws {
        let payments = try #require(context.tenancy.verdict("payments"))
        #expect(payments.required == .softAffinity)
        #expect(payments.achieved == .softAffinity)
        #expect(payments.met)
        #expect(!payments.layers.contains { $0.status == .fail })
        // acme's secret reader is charged to acme, and shows here as a warning pointing there.
        let controlPlane = try #require(payments.layers.first { $0.layer == .controlPlane })
        #expect(controlPlane.evidence.contains { $0.chargedTo == "acme" && $0.status == .warn })
        // node-exporter and the log shipper run on every node, the payments pool included.
        let compute = try #require(payments.layers.first { $0.layer == .compute })
        #expect(compute.evidence.contains { $0.status == .warn && $0.message.contains("log-shipper") })
    }

    @Test func searchMissesSoftOnTheNetwork() throws {
        let search = try #require(context.tenancy.verdict("search"))
        #expect(search.required == .soft)
        #expect(search.achieved == IsolationLevel.none)
        #expect(!search.met)
        #expect(search.status(.network) == .fail)
        #expect(search.status(.podSecurity) == .pass)
        #expect(search.status(.compute) == .warn)  // shares nodes with acme's unsandboxed notebook
        let network = try #require(search.layers.first { $0.layer == .network })
        #expect(network.evidence.contains { $0.rules.contains("netpol.no-default-deny") && $0.status == .fail })
        #expect(network.evidence.contains { $0.message.contains("from tenant acme") })
    }

    @Test func acmeFailsHard() throws {
        let acme = try #require(context.tenancy.verdict("acme"))
        #expect(acme.required == .hard)
        #expect(acme.achieved == IsolationLevel.none)
        for layer in [TenancyLayer.compute, .controlPlane, .network, .podSecurity, .containers] {
            #expect(acme.status(layer) == .fail, "acme \(layer.rawValue)")
        }
    }

    @Test func gapsBecomeTenancyFindings() throws {
        let findings = Auditor.audit(context, rules: TenancyRules.all)
        func objects(_ rule: String) -> Set<String> { Set(findings.filter { $0.ruleId == rule }.map(\.object.description)) }
        #expect(objects("tenancy.isolation-not-met") == ["Namespace/customer-acme", "Namespace/team-search"])
        // search-namespace-cleanup lists namespaces too (90-delivery.yaml).
        #expect(objects("tenancy.cross-tenant-access") == ["ClusterRoleBinding/acme-secret-reader", "ClusterRoleBinding/search-namespace-cleanup"])
        #expect(objects("tenancy.unsandboxed-untrusted-code") == ["Deployment/customer-acme/notebook"])
        #expect(objects("tenancy.shared-nodes") == ["Deployment/customer-acme/notebook"])
        #expect(objects("tenancy.pod-security-below-profile") == ["Namespace/customer-acme"])
        #expect(objects("tenancy.cross-tenant-traffic") == ["Namespace/team-search"])
        #expect(objects("tenancy.metadata-egress").contains("Deployment/customer-acme/notebook"))
        #expect(!findings.contains { $0.object.namespace == "team-payments" })
        let binding = try #require(findings.first { $0.ruleId == "tenancy.cross-tenant-access" && $0.object.name == "acme-secret-reader" })
        #expect(binding.location.file == "examples/cluster/70-customer-acme.yaml")
        #expect(binding.path == "subjects[0]")
    }

    @Test func escalationPathsFailTheControlPlane() throws {
        let search = try #require(context.tenancy.verdict("search"))
        let controlPlane = try #require(search.layers.first { $0.layer == .controlPlane })
        let paths = controlPlane.evidence.filter { $0.rules.contains("rbac.cross-tenant-escalation") }
        #expect(paths.allSatisfy { $0.status == .fail })
        #expect(paths.contains { $0.message.contains("tenant payments") && $0.message.contains("argo-cd-application") })
        #expect(paths.contains { $0.message.contains("relabel-namespace") })
        let payments = try #require(context.tenancy.verdict("payments"))
        #expect(!(payments.layers.first { $0.layer == .controlPlane }?.evidence.contains { $0.rules.contains("rbac.cross-tenant-escalation") } ?? true))
        let findings = Auditor.audit(context, rules: RBACRules.all.filter { $0.metadata.id == "rbac.cross-tenant-escalation" })
        // acme's cluster-wide Secret reader reads search's long-lived token Secret: a path into search.
        #expect(Set(findings.map(\.object.description)) == ["RoleBinding/team-search/developers-argocd-applications",
                                                              "ClusterRoleBinding/search-namespace-cleanup", "RoleBinding/customer-acme/acme-runner-admin",
                                                              "ClusterRoleBinding/acme-secret-reader"])
    }

    /// customer-acme carries the DRA admin-access label, and acme's runner may create claims there.
    @Test func acmeMayClaimAdminAccessToDevices() throws {
        let ids: Set = ["resources.device-admin-access", "rbac.device-admin-claim"]
        let findings = Auditor.audit(context, rules: Catalog.rules.filter { ids.contains($0.metadata.id) })
        #expect(findings.filter { $0.ruleId == "resources.device-admin-access" }.map(\.object.description) == ["Namespace/customer-acme"])
        let claims = findings.filter { $0.ruleId == "rbac.device-admin-claim" }
        #expect(claims.map(\.object.description) == ["RoleBinding/customer-acme/acme-runner-admin"])
        let finding = try #require(claims.first)
        #expect(finding.message.contains("ServiceAccount customer-acme/acme-runner create resourceclaims in namespace customer-acme"))
    }

    @Test func matrixShowsWhoReachesWhom() throws {
        let matrix = context.tenancy.matrix
        let acmeToPayments = try #require(matrix.first { $0.from == "acme" && $0.to == "payments" })
        #expect(acmeToPayments.layers == [.controlPlane])
        let acmeToSearch = try #require(matrix.first { $0.from == "acme" && $0.to == "search" })
        #expect(acmeToSearch.layers == [.controlPlane, .network, .compute])
        #expect(!matrix.contains { $0.to == "payments" && $0.layers.contains(.network) })
    }

    /// The file declares payments, search, acme; the matrix comes in the order of names, which the
    /// reports print as it is.
    @Test func matrixComesInTheOrderOfNames() {
        let pairs = context.tenancy.matrix.map { [$0.from, $0.to] }
        #expect(pairs.count > 3)
        #expect(Set(pairs.map { $0[0] }).count > 1)
        #expect(pairs == pairs.sorted { $0.lexicographicallyPrecedes($1) })
    }
}
