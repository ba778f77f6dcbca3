import RampartControlPlane
import RampartModel

/// `controlplane.admission-event-rate-limit`: nothing bounds how fast a tenant writes Events.
public struct ControlPlaneAdmissionEventRateLimit: Rule {
    public let metadata = RuleMetadata(
        id: "controlplane.admission-event-rate-limit",
        title: "EventRateLimit admission plugin not enabled, or not per tenant",
        severity: .low, layer: .controlPlane,
        standards: ["CIS 1.2.9", "NSA/CISA: resource policies"],
        rationale: """
            Events are written by every controller and every crashing pod, and any tenant allowed to create them can \
            write them in bulk: a flood of Events loads the API server and etcd that all tenants share. The \
            EventRateLimit plugin bounds it with token buckets; only a limit per Namespace or per User bounds one \
            tenant apart from the others (a Server limit is one budget that the first tenant can spend for everyone).
            """,
        remediation: """
            Add EventRateLimit to --enable-admission-plugins and configure it in the --admission-control-config-file: \
            `limits: [{type: Namespace, qps: 50, burst: 100, cacheSize: 2000}, {type: User, qps: 10, burst: 50}]`.
            """)

    /// The limit types that bound one tenant apart from the others.
    static let perTenant: Set<String> = ["Namespace", "User"]

    public init() {}

    public var reads: Set<ResourceKind> { ControlPlane.reads }

    public func evaluate(in context: AuditContext) -> [Violation] {
        let controlPlane = context.controlPlane
        let servers = controlPlane.components([.apiServer]).compactMap { component -> Violation? in
            guard component.flags.flag("enable-admission-plugins", listing: "EventRateLimit") == nil else { return nil }
            return Violation(object: component.object, path: component.flags.path(of: "enable-admission-plugins"),
                             message: "kube-apiserver: EventRateLimit is not enabled: nothing bounds how fast a tenant writes Events")
        }
        let configs = controlPlane.eventRateLimitConfigs.compactMap { config -> Violation? in
            let types = config.limitTypes
            guard !types.contains(where: Self.perTenant.contains) else { return nil }
            let written = types.isEmpty ? "no limits" : "only \(types.joined(separator: ", ")) limits"
            return Violation(object: config.object, path: config.limitsPath,
                             message: "EventRateLimit has \(written): no Namespace or User limit bounds one tenant apart from the others")
        }
        return servers + configs
    }
}
