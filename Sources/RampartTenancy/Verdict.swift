import RampartModel

/// The layers of a tenant's isolation, in the order the verdict shows them.
public enum TenancyLayer: String, Sendable, Hashable, Codable, CaseIterable {
    case controlPlane = "control-plane"
    case network
    case compute
    case podSecurity = "pod-security"
    case containers
    case fairness
    case secrets = "secrets-and-transit"

    public var title: String {
        switch self {
        case .controlPlane: "Control plane"
        case .network: "Network"
        case .compute: "Compute"
        case .podSecurity: "Pod security"
        case .containers: "Containers"
        case .fairness: "Fairness"
        case .secrets: "Secrets & transit"
        }
    }
}

/// How a layer, or one piece of evidence, stands against what the tenant requires.
/// `note` is a fact worth reading that is neither a pass nor a problem for the tenant (what the
/// platform may do inside it); only evidence carries it, and it never raises a layer's status.
public enum VerdictStatus: String, Sendable, Hashable, Codable, Comparable {
    case note, pass, warn, fail

    private var rank: Int {
        switch self {
        case .note: -1
        case .pass: 0
        case .warn: 1
        case .fail: 2
        }
    }

    public static func < (lhs: VerdictStatus, rhs: VerdictStatus) -> Bool { lhs.rank < rhs.rank }
}

/// One fact behind a layer's status: what was found, where, and which catalog rules report it.
public struct Evidence: Sendable, Hashable, Codable {
    public var status: VerdictStatus
    public var message: String
    public var object: ObjectReference?
    public var location: SourceLocation?
    /// The catalog rules that report this, by what they report (the engine never spells an ID).
    public var reportedBy: [ReportingRule] = []
    /// Their IDs (`netpol.no-default-deny`, `tenancy.shared-nodes`…), which the Rules module attaches
    /// (`TenancyReport.namingRules`); empty in the engine's own report.
    public var rules: [String] = []
    /// The tenant whose objects cause it, when another tenant's: the fix belongs on that tenant's row.
    public var chargedTo: String?

    private enum CodingKeys: String, CodingKey {
        case status, message, object, location, rules, chargedTo
    }
}

/// One layer of a tenant's verdict.
public struct LayerVerdict: Sendable, Codable {
    public var layer: TenancyLayer
    public var status: VerdictStatus
    /// The highest isolation this layer allows the tenant to achieve.
    public var ceiling: IsolationLevel
    public var evidence: [Evidence]
}

/// A tenant's isolation on every layer, and the isolation achieved against the one required.
public struct TenantVerdict: Sendable, Codable {
    public var tenant: String
    public var trust: Trust
    public var untrustedCode: Bool
    public var compliance: [String]
    public var namespaces: [String]
    /// How the tenant was found (a tenancy file line, a namespace label, a Capsule Tenant…).
    public var origin: String
    public var required: IsolationLevel
    /// The lowest ceiling of the layers.
    public var achieved: IsolationLevel
    public var layers: [LayerVerdict]
    /// For each namespace and admission control, whether anything enforces it at admission.
    public var admissionCoverage: [CoverageCell]

    /// True when the achieved isolation is at least the required one.
    public var met: Bool { achieved >= required }
}

/// One cell of the tenant-by-tenant matrix: how tenant `from` can reach or act on tenant `to`.
public struct Interaction: Sendable, Hashable, Codable {
    public var from: String
    public var to: String
    /// The layers on which `from` reaches `to`: control plane (permissions), network (connections),
    /// compute (pods that may share a node).
    public var layers: [TenancyLayer]
    public var details: [String]
}
