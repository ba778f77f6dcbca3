import RampartModel

/// What escalation techniques lead to, read once from the inventory and the policy: the bindings
/// by subject, the service accounts of each namespace, the accounts whose tokens running pods mount,
/// legacy token Secrets, user names, and tenants.
struct ClusterFacts: Sendable {
    /// The namespace label that names a namespace's tenant; without it, the namespace is its own tenant.
    static let tenantLabel = "rampart.dev/tenant"
    static let tokenSecretType = "kubernetes.io/service-account-token"
    static let tokenAccountAnnotation = "kubernetes.io/service-account.name"

    /// A legacy token Secret and the account whose token it holds.
    struct TokenSecret: Sendable {
        var secret: String
        var account: String
    }

    /// Bindings naming each subject, in policy order.
    let bindingsBySubject: [Subject: [RBACBinding]]
    /// Every namespace known (inputs, and namespaces of service accounts that bindings name), sorted.
    let namespaces: [String]
    /// Per namespace: `default` and the service accounts bindings name, sorted.
    let accounts: [String: [String]]
    /// Per namespace: the service accounts whose API token the pods (and pod templates) mount, sorted.
    let podAccounts: [String: [String]]
    /// Per namespace: the legacy token Secrets, sorted by name.
    let tokenSecrets: [String: [TokenSecret]]
    /// Each role's rules that escalation techniques ask about (see `RelevantRules`).
    let relevantRules: [RoleKey: [RelevantRule]]
    /// The users bindings name (service-account user names excepted), sorted.
    let userNames: [String]
    /// Namespaces among the inputs whose Pod Security admission lets privileged pods in: their
    /// `pod-security.kubernetes.io/enforce` label is `privileged` or absent (the API server's
    /// AdmissionConfiguration default is not read here).
    let privilegedNamespaces: Set<String>
    /// Controllers that act for whoever creates their objects.
    let deputies: DeputyFacts
    /// Argo CD's AppProjects (`deputies.projects`), with the namespaces their globs match.
    let argoProjects: [ArgoProjectReach]
    /// EKS IAM principals and the identities `aws-auth` maps them to.
    let awsAuth: AWSAuthMappings
    /// The users and groups a tenant may own (see `RoleBindingSubject`), by the namespace of the
    /// first RoleBinding that names each.
    let roleBindingSubjects: [String: [RoleBindingSubject]]
    private let tenants: [String: String]

    init(policy: RBACPolicy, inventory: Inventory) {
        // What the bindings and roles say on one core, what the objects say on the other.
        let (subjects, objects) = Parallel.both({ BindingFacts(policy) }, { ObjectFacts(inventory) })
        bindingsBySubject = subjects.bySubject
        roleBindingSubjects = subjects.roleBindingSubjects
        relevantRules = subjects.relevantRules
        let namespaces = Set(inventory.namespaceNames).union(subjects.accounts.keys).sorted()
        self.namespaces = namespaces
        self.accounts = Dictionary(uniqueKeysWithValues: namespaces.map { ($0, (subjects.accounts[$0, default: []].union(["default"])).sorted()) })
        userNames = subjects.users.sorted()
        podAccounts = objects.podAccounts
        tokenSecrets = objects.tokenSecrets
        tenants = objects.tenants
        privilegedNamespaces = objects.privilegedNamespaces
        deputies = objects.deputies
        argoProjects = deputies.projects.map { ArgoProjectReach($0, namespaces: namespaces) }
        awsAuth = objects.awsAuth
    }

    /// What the bindings and roles say: the bindings by subject, the service accounts they name by
    /// namespace, the users they name, and each role's relevant rules.
    private struct BindingFacts: Sendable {
        var bySubject: [Subject: [RBACBinding]] = [:]
        var accounts: [String: Set<String>] = [:]
        var users: Set<String> = []
        let roleBindingSubjects: [String: [RoleBindingSubject]]
        let relevantRules: [RoleKey: [RelevantRule]]

        init(_ policy: RBACPolicy) {
            for binding in policy.bindings {
                for subject in Set(binding.subjects.map(\.subject)) {
                    bySubject[subject, default: []].append(binding)
                    switch subject.kind {
                    case .serviceAccount: accounts[subject.namespace ?? "", default: []].insert(subject.name)
                    case .user where RequestUser.serviceAccount(userName: subject.name) == nil: users.insert(subject.name)
                    default: break
                    }
                }
            }
            roleBindingSubjects = RoleBindingSubject.byFirstNamespace(bySubject)
            relevantRules = RelevantRules.byRole(policy.roles)
        }
    }

    /// What the objects say: the accounts pods mount, the token Secrets, each namespace's tenant (a
    /// namespace not among the inputs is its own), the privileged namespaces, the deputies, `aws-auth`.
    private struct ObjectFacts: Sendable {
        let podAccounts: [String: [String]]
        let tokenSecrets: [String: [TokenSecret]]
        let tenants: [String: String]
        let privilegedNamespaces: Set<String>
        let deputies: DeputyFacts
        let awsAuth: AWSAuthMappings

        init(_ inventory: Inventory) {
            var mounted: [String: Set<String>] = [:]
            for template in inventory.podTemplates where ClusterFacts.mountsToken(template, inventory: inventory) {
                mounted[template.namespace, default: []].insert(template.serviceAccountName)
            }
            podAccounts = mounted.mapValues { $0.sorted() }
            var secrets: [String: [TokenSecret]] = [:]
            for secret in inventory.objects(ofKind: "Secret", group: "") where secret.root["type"]?.string == ClusterFacts.tokenSecretType {
                guard let account = secret.annotations[ClusterFacts.tokenAccountAnnotation], !account.isEmpty else { continue }
                secrets[secret.namespace ?? "default", default: []].append(TokenSecret(secret: secret.name, account: account))
            }
            tokenSecrets = secrets.mapValues { $0.sorted { $0.secret < $1.secret } }
            tenants = Dictionary(uniqueKeysWithValues: inventory.namespaceNames.map { namespace in
                (namespace, inventory.namespaceLabels(namespace)?[ClusterFacts.tenantLabel] ?? namespace)
            })
            privilegedNamespaces = Set(inventory.namespaceNames.filter { namespace in
                guard inventory.namespace(namespace) != nil else { return false }
                let level = inventory.namespaceLabels(namespace)?[ClusterFacts.enforceLabel] ?? "privileged"
                return level == "privileged"
            })
            deputies = DeputyFacts(inventory)
            awsAuth = AWSAuthMappings(inventory)
        }
    }

    static let enforceLabel = "pod-security.kubernetes.io/enforce"

    /// The tenant of a namespace: its `rampart.dev/tenant` label, else the namespace itself.
    func tenant(of namespace: String) -> String {
        tenants[namespace] ?? namespace
    }

    /// The tenants a subject belongs to: a service account's namespace's; for users and groups,
    /// those of the namespaces whose RoleBindings name them.
    func homeTenants(of subject: Subject) -> Set<String> {
        if let namespace = subject.namespace { return [tenant(of: namespace)] }
        return Set((bindingsBySubject[subject] ?? []).compactMap(\.namespace).map(tenant(of:)))
    }

    /// True when the pod mounts an API token: `automountServiceAccountToken` of the pod, else of its
    /// service account, else true; or a projected `serviceAccountToken` volume.
    fileprivate static func mountsToken(_ template: PodTemplate, inventory: Inventory) -> Bool {
        let projected = (template.spec["volumes"]?.items ?? []).contains { volume in
            (volume["projected"]?["sources"]?.items ?? []).contains { $0["serviceAccountToken"] != nil }
        }
        if projected { return true }
        if let setting = template.spec["automountServiceAccountToken"]?.bool { return setting }
        let account = inventory.serviceAccount(namespace: template.namespace, name: template.serviceAccountName)
        return account?.root["automountServiceAccountToken"]?.bool ?? true
    }
}
