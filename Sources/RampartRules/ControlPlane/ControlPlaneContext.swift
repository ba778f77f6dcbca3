import RampartControlPlane
import RampartModel

extension AuditContext {
    /// The control-plane and node configuration found in the inventory, built once for every rule of the family.
    var controlPlane: ControlPlane {
        shared(ControlPlane.self) { ControlPlane($0) }
    }
}

/// One problem a control-plane rule found: the field (a flag's `command`/`args` item, or a
/// configuration field) and the message.
struct ConfigProblem {
    var path: FieldPath
    var message: String
    var notes: [String] = []
}

/// A rule about the command line of some control-plane components.
protocol ComponentRule: Rule {
    /// The components the rule looks at.
    var componentKinds: Set<ComponentKind> { get }
    func problems(_ component: ControlPlaneComponent) -> [ConfigProblem]
}

extension ComponentRule {
    public var reads: Set<ResourceKind> { ControlPlane.reads }

    public func evaluate(in context: AuditContext) -> [Violation] {
        componentViolations(in: context)
    }

    /// The problems of every component of `componentKinds`, as violations on its pod.
    func componentViolations(in context: AuditContext) -> [Violation] {
        context.controlPlane.components(componentKinds).flatMap { component in
            problems(component).map {
                Violation(object: component.object, path: $0.path, message: "\(component.kind.rawValue): \($0.message)", notes: $0.notes)
            }
        }
    }
}

/// A rule about one configuration document (KubeletConfiguration, EncryptionConfiguration…).
protocol ConfigDocumentRule: Rule {
    associatedtype Document
    /// The documents of that type in the control plane.
    func documents(in controlPlane: ControlPlane) -> [Document]
    func object(of document: Document) -> KubeObject
    func problems(_ document: Document) -> [ConfigProblem]
}

extension ConfigDocumentRule {
    public var reads: Set<ResourceKind> { ControlPlane.reads }

    public func evaluate(in context: AuditContext) -> [Violation] {
        documents(in: context.controlPlane).flatMap { document in
            problems(document).map { Violation(object: object(of: document), path: $0.path, message: $0.message, notes: $0.notes) }
        }
    }
}

/// A rule about each `KubeletConfiguration`.
protocol KubeletRule: ConfigDocumentRule where Document == KubeletConfig {}

extension KubeletRule {
    func documents(in controlPlane: ControlPlane) -> [KubeletConfig] { controlPlane.kubeletConfigs }
    func object(of document: KubeletConfig) -> KubeObject { document.object }
}

extension ControlPlaneComponent {
    /// One problem per flag of `names` that is not set, pointing at the command line.
    func missing(_ names: [String], _ why: String) -> [ConfigProblem] {
        names.filter { !flags.isSet($0) }.map { ConfigProblem(path: flags.anchor, message: "--\($0) is not set: \(why)") }
    }

    /// A problem when boolean flag `name` is not `expected` (taking `defaultValue` when it is not set).
    func boolean(_ name: String, expected: Bool, default defaultValue: Bool, _ why: String) -> [ConfigProblem] {
        let flag = flags.last(name)
        let value = flag.map { $0.bool ?? !expected } ?? defaultValue
        guard value != expected else { return [] }
        let written = flag.map { "\($0.display) is set" } ?? "--\(name) is not set (default \(defaultValue))"
        return [ConfigProblem(path: flags.path(of: name), message: "\(written): \(why)")]
    }

    /// The admission plugins enabled with `--enable-admission-plugins` (every occurrence).
    var enabledAdmissionPlugins: [(item: String, flag: Flag)] { flags.list("enable-admission-plugins") }
}

extension KubeletConfig {
    /// A problem when boolean field `path` is not `expected` (taking `defaultValue` when it is not written).
    func boolean(_ path: FieldPath, expected: Bool, default defaultValue: Bool, _ why: String) -> [ConfigProblem] {
        guard bool(path, default: defaultValue) != expected else { return [] }
        let written = field(path) == nil ? "\(path) is not set (default \(defaultValue))" : "\(path) is \(!expected)"
        return [ConfigProblem(path: path, message: "\(written): \(why)")]
    }
}
