/// A path from a subject to a goal, one step per power it takes on the way.
public struct EscalationPath: Sendable, Codable {
    /// Where a path ends: cluster-admin-equivalent power, or a namespace of another tenant.
    public struct Goal: Sendable, Codable, Hashable, Comparable {
        public enum Kind: String, Sendable, Codable, Comparable {
            case clusterAdmin = "cluster-admin", tenant, nodes

            public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
        }

        public var kind: Kind
        /// The other tenant and the namespace of it the path reaches.
        public var tenant: String?
        public var namespace: String?

        public init(kind: Kind, tenant: String? = nil, namespace: String? = nil) {
            self.kind = kind
            self.tenant = tenant
            self.namespace = namespace
        }

        public static let clusterAdmin = Goal(kind: .clusterAdmin)
        public static let nodes = Goal(kind: .nodes)

        /// `cluster-admin`, `tenant payments (namespace team-payments)`, `tenant payments (by relabelling)`, `nodes`.
        public var description: String {
            switch kind {
            case .clusterAdmin: return "cluster-admin"
            case .nodes: return "nodes"
            case .tenant: return "tenant \(tenant ?? "")" + (namespace.map { " (namespace \($0))" } ?? " (by relabelling a namespace)")
            }
        }

        public static func < (lhs: Goal, rhs: Goal) -> Bool {
            (lhs.kind, lhs.tenant ?? "", lhs.namespace ?? "") < (rhs.kind, rhs.tenant ?? "", rhs.namespace ?? "")
        }
    }

    public var from: Subject
    /// The tenant `from` belongs to, for paths out of a tenant (`rbac paths --from-tenant`).
    public var tenant: String?
    public var goal: Goal
    public var steps: [EscalationStep]

    public init(from: Subject, tenant: String? = nil, goal: Goal, steps: [EscalationStep]) {
        self.from = from
        self.tenant = tenant
        self.goal = goal
        self.steps = steps
    }
}

/// One step of a path: what one power may do, and what it becomes.
public struct EscalationStep: Sendable, Codable {
    public var technique: EscalationTechnique
    /// The power the step starts from and the one it reaches, as sentences name them.
    public var from: String
    public var to: String
    /// The identity reached, when it is one user, group or service account.
    public var subject: Subject?
    /// One sentence for the whole step.
    public var explanation: String
    /// The bindings, roles and rules that allow it (none for a power taken earlier on the path).
    public var via: [Grant]
    /// Why each permission the step uses is held: the grants' explanations, or the earlier step's power.
    public var because: [String]

    /// A step along `edge` out of `from`, ending at `target` (after a hub's fan-out, one of its members).
    init(from: EscalationNode, edge: EscalationEdge, target: EscalationNode) {
        technique = edge.technique
        self.from = from.description
        to = target.description
        subject = target.subject
        var text = "\(from.description) \(edge.action)"
        switch target {
        case .identity, .anyAccount, .podAccounts, .impersonated:
            text += ", so it can act as \(edge.target.description)"
            if target != edge.target { text += ", including \(target.description)" }
        case .relabel, .nodes:
            text += ", so it takes \(target.description)"
        case .role, .admin, .deployer:
            text += edge.target == .clusterAdmin && edge.technique == .clusterAdmin ? "" : ", so it can take \(target.description)"
        }
        explanation = text
        var grants: Set<Grant> = []
        via = edge.origins.compactMap(\.grant).filter { grants.insert($0).inserted }
        var reasons: Set<String> = []
        because = edge.origins.map(\.explanation).filter { reasons.insert($0).inserted }
    }
}
