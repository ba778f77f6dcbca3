import RampartControlPlane
import RampartModel

/// `controlplane.audit-log-retention`: the audit log is neither shipped nor kept long enough.
public struct ControlPlaneAuditLogRetention: ComponentRule {
    public let metadata = RuleMetadata(
        id: "controlplane.audit-log-retention",
        title: "Audit log neither shipped nor retained",
        severity: .low, layer: .controlPlane,
        standards: ["CIS 1.2.17", "CIS 1.2.18", "CIS 1.2.19"],
        rationale: """
            Incidents are found weeks late: an audit log rotated away after a few days or a few files leaves nothing \
            to investigate, and one written to the API server's standard output (--audit-log-path=-) lives only as long \
            as the kubelet keeps the container's log (a few rotated files of 10 MiB by default). An audit webhook \
            backend ships every event off the node, so local retention then does not matter. (Not setting the \
            retention flags, or setting 0, keeps every file: no finding.)
            """,
        remediation: """
            Ship events with --audit-webhook-config-file, or write them to a file (--audit-log-path=/var/log/kubernetes/audit/audit.log) \
            kept with --audit-log-maxage=30, --audit-log-maxbackup=10 and --audit-log-maxsize=100 (or more).
            """)

    public let componentKinds: Set<ComponentKind> = [.apiServer]

    /// Flag, minimum value, unit, as CIS recommends.
    static let minimums: [(flag: String, minimum: Int, unit: String)] = [
        ("audit-log-maxage", 30, "days"), ("audit-log-maxbackup", 10, "files"), ("audit-log-maxsize", 100, "MB"),
    ]

    public init() {}

    func problems(_ component: ControlPlaneComponent) -> [ConfigProblem] {
        guard !component.flags.isSet("audit-webhook-config-file"), let path = component.flags.last("audit-log-path") else { return [] }
        guard path.value != "-" else {
            return [ConfigProblem(path: path.path, message: "\(path.display) writes audit events to standard output and no audit webhook ships them: they last as long as the container's log")]
        }
        return Self.minimums.compactMap { flag, minimum, unit in
            guard let value = component.flags.last(flag), let number = value.int, number > 0, number < minimum else { return nil }
            return ConfigProblem(path: value.path, message: "\(value.display) is below the recommended \(minimum) \(unit) and no audit webhook ships the events")
        }
    }
}
