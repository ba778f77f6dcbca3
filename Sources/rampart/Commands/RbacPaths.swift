import ArgumentParser
import RampartRBAC
import RampartReport
import RampartRules
import RampartTenancy

extension Rampart.Rbac {
    /// `rampart rbac paths PATH...`: escalation paths to cluster-admin and into other tenants.
    struct Paths: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "paths",
            abstract: "Follow what subjects' permissions let them become, and show the paths to cluster-admin or into other tenants.",
            discussion: """
                Techniques: create pods or workloads (any service account of the namespace), impersonate (and \
                constrained impersonation: impersonate:<mode> with impersonate-on:<mode>:<verb>), read legacy token \
                Secrets, create and read Secrets (mint a token Secret), serviceaccounts/token, pods/exec and attach, \
                nodes/proxy, bind and escalate, CSR approval (kube-apiserver-client and kubelet client signers). A \
                tenant is a namespace's rampart.dev/tenant label, else the namespace. Without --as, \
                --from-serviceaccount or --as-group, every subject a binding names is a start. \
                With --from-tenant or --all-tenants, paths start from a tenant's subjects (its namespaces' service \
                accounts, and the users and groups only its RoleBindings name) and end at cluster-admin, the nodes or \
                another tenant; tenants come from --tenants FILE, else from the inputs. Tenant paths also follow \
                namespace label writes (namespaces, namespaces/status, namespaces/finalize), privileged pods, Argo CD \
                AppProjects, Flux and Capsule controllers. --cut adds the fewest bindings whose \
                removal cuts every tenant path (greedy: approximate). Exit 1 when a path is found.

                Examples:
                  rampart rbac paths examples/cluster
                  rampart rbac paths examples/cluster --as jane -o json
                  rampart rbac paths examples/cluster --from-tenant search --cut
                """)

        @OptionGroup var input: InputOptions

        @Option(name: .customLong("as"), help: "Start from this user (system:serviceaccount:NS:NAME for a service account).")
        var user: String?

        @Option(help: "Start from the service account NS/NAME.")
        var fromServiceaccount: String?

        @Option(name: .customLong("as-group"), help: "Start from the members of this group.")
        var group: String?

        @Option(help: "Start from every subject of this tenant.")
        var fromTenant: String?

        @Flag(help: "Start from every tenant in turn.")
        var allTenants = false

        @Option(help: "With --from-tenant or --all-tenants: only paths into this tenant (and to cluster-admin, which reaches it too).")
        var toTenant: String?

        @Flag(help: "With --from-tenant or --all-tenants: also list the fewest bindings whose removal cuts every path out of every tenant.")
        var cut = false

        @OptionGroup var tenancy: TenancyOptions

        @OptionGroup var output: OutputOptions<AnswerFormat>

        func validate() throws {
            if [user, fromServiceaccount, group].compactMap({ $0 }).count > 1 {
                throw ValidationError("give one of --as, --from-serviceaccount and --as-group")
            }
            if let account = fromServiceaccount, Self.serviceAccount(account) == nil {
                throw ValidationError("--from-serviceaccount takes NAMESPACE/NAME")
            }
            let tenantMode = fromTenant != nil || allTenants
            if tenantMode, start != nil || (fromTenant != nil && allTenants) {
                throw ValidationError("give one of --as, --from-serviceaccount, --as-group, --from-tenant and --all-tenants")
            }
            if !tenantMode, toTenant != nil || cut || tenancy.file != nil {
                throw ValidationError("--to-tenant, --cut and --tenants go with --from-tenant or --all-tenants")
            }
        }

        func run() throws {
            let run = RbacRun(input)
            var analysis = EscalationAnalysis(policy: run.policy, inventory: run.inventory)
            guard fromTenant != nil || allTenants else {
                let starts = start.map { [$0] } ?? analysis.subjects
                try run.finish(RBACPathsAnswer(analysis.paths(from: starts)), output, caveats: caveats(run))
            }
            let platform = RuleSettings.defaultPlatformNamespaces
            let model = try tenancy.load() ?? TenantInference.infer(run.inventory, platform: platform)
            let assignment = model.assignment(run.inventory, platform: platform)
            for name in [fromTenant, toTenant].compactMap({ $0 }) where assignment.namespacesOfTenant[name] == nil {
                let known = assignment.tenants.isEmpty ? "no tenant is known" : "tenants: " + assignment.tenants.joined(separator: ", ")
                throw ValidationError("unknown tenant \(name) (\(known))")
            }
            let tenants = fromTenant.map { [$0] } ?? assignment.tenants
            let paths = analysis.paths(outOf: tenants, in: assignment, to: toTenant)
            try run.finish(RBACPathsAnswer(paths, cut: cut ? analysis.boundaryCut(assignment) : nil), output, caveats: caveats(run))
        }

        /// Paths follow RBAC grants only: a webhook authorizer may open more.
        private func caveats(_ run: RbacRun) -> [String] {
            run.webhookCaveat.map { ["paths follow RBAC only, and \($0): a subject without a path here may still have one (unknown)"] } ?? []
        }

        /// The start given by `--as`, `--from-serviceaccount` or `--as-group`, if any.
        private var start: Subject? {
            if let user {
                if let account = RequestUser.serviceAccount(userName: user) {
                    return Subject(kind: .serviceAccount, name: account.name, namespace: account.namespace)
                }
                return Subject(kind: .user, name: user)
            }
            if let group { return Subject(kind: .group, name: group) }
            return fromServiceaccount.flatMap(Self.serviceAccount)
        }

        private static func serviceAccount(_ text: String) -> Subject? {
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
            return Subject(kind: .serviceAccount, name: String(parts[1]), namespace: String(parts[0]))
        }
    }
}
