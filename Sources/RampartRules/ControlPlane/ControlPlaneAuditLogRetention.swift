import RampartControlPlane
import RampartModel

/// `controlplane.audit-log-retention`: audit log files are kept too briefly.
public struct ControlPlaneAuditLogRetention: ComponentRule {
    public let metadata = RuleMetadata(
        id: "controlplane.audit-log-retention",
        title: "Audit log retention below the benchmark",
        severity: .low, layer: .controlPlane,
        standards: ["CIS 1.2.17", "CIS 1.2.18", "CIS 1.2.19"],
        rationale: """
            Incidents are found weeks late: an audit log rotated away after a few days or a few files leaves nothing \
            to investigate. (Not setting these flags, or setting 0, keeps every file: no finding.)
            """,
        remediation: "Set --audit-log-maxage=30, --audit-log-maxbackup=10 and --audit-log-maxsize=100 (or more), or ship the log off the node.")

    public let componentKinds: Set<ComponentKind> = [.apiServer]

    /// Flag, minimum value, unit, as CIS recommends.
    static let minimums: [(flag: String, minimum: Int, unit: String)] = [
        ("audit-log-maxage", 30, "days"), ("audit-log-maxbackup", 10, "files"), ("audit-log-maxsize", 100, "MB"),
    ]

    public init() {}

    func problems(_ component: ControlPlaneComponent) -> [ConfigProblem] {
        guard let path = component.flags.last("audit-log-path"), path.value != "-" else { return [] }
        return Self.minimums.compactMap { flag, minimum, unit in
            guard let value = component.flags.last(flag), let number = value.int, number > 0, number < minimum else { return nil }
            return ConfigProblem(path: value.path, message: "\(value.display) is below the recommended \(minimum) \(unit)")
        }
    }
}
