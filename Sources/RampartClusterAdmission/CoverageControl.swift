import RampartModel
import RampartPSS

/// A control a platform team expects admission to enforce in a tenant namespace, with the probe
/// that tests it: a Pod that passes the restricted Pod Security level but for this one control.
public enum CoverageControl: String, Sendable, CaseIterable, Codable {
    case privileged = "privileged-containers"
    case hostNamespaces = "host-namespaces"
    case hostPath = "host-path-volumes"
    case privilegeEscalation = "privilege-escalation"
    case runAsRoot = "run-as-root"
    case capabilities = "added-capabilities"
    case imageRegistry = "image-registries"

    /// The probed controls that the Pod Security `level` forbids.
    public static func podSecurityControls(of level: PolicyLevel) -> [CoverageControl] {
        switch level {
        case .privileged: []
        case .baseline: [.privileged, .hostNamespaces, .hostPath, .capabilities]
        case .restricted: [.privileged, .hostNamespaces, .hostPath, .capabilities, .privilegeEscalation, .runAsRoot]
        }
    }

    /// What the probe does, in a few words.
    public var summary: String {
        switch self {
        case .privileged: "a privileged container"
        case .hostNamespaces: "a pod on the host network"
        case .hostPath: "a hostPath volume of /"
        case .privilegeEscalation: "a container allowed to escalate privileges"
        case .runAsRoot: "a container running as root"
        case .capabilities: "a container adding SYS_ADMIN"
        case .imageRegistry: "an image from an unknown registry"
        }
    }

    /// The probe Pod for `control` in `namespace` (nil: the clean probe that breaks nothing), with
    /// `image` from a registry the namespace already uses.
    static func probe(_ control: CoverageControl?, namespace: String, image: String) -> Node {
        var podSecurity: [String: ProbeValue] = ["runAsNonRoot": .flag(true), "seccompProfile": .map(["type": "RuntimeDefault"])]
        var containerSecurity: [String: ProbeValue] = [
            "allowPrivilegeEscalation": .flag(false), "capabilities": .map(["drop": ["ALL"]]), "runAsNonRoot": .flag(true),
        ]
        var container: [String: ProbeValue] = ["name": "probe", "image": .text(image)]
        var spec: [String: ProbeValue] = [:]
        switch control {
        case nil: break
        case .privileged: containerSecurity["privileged"] = .flag(true)
        case .hostNamespaces: spec["hostNetwork"] = .flag(true)
        case .hostPath:
            spec["volumes"] = [.map(["name": "host", "hostPath": .map(["path": "/"])])]
            container["volumeMounts"] = [.map(["name": "host", "mountPath": "/host"])]
        case .privilegeEscalation: containerSecurity["allowPrivilegeEscalation"] = .flag(true)
        case .runAsRoot:
            podSecurity["runAsNonRoot"] = .flag(false)
            containerSecurity["runAsNonRoot"] = .flag(false)
            containerSecurity["runAsUser"] = .number(0)
        case .capabilities: containerSecurity["capabilities"] = .map(["drop": ["ALL"], "add": ["SYS_ADMIN"]])
        case .imageRegistry: container["image"] = "untrusted.invalid/probe:1"
        }
        container["securityContext"] = .map(containerSecurity)
        spec["securityContext"] = .map(podSecurity)
        spec["containers"] = [.map(container)]
        return ProbeValue.map([
            "apiVersion": "v1", "kind": "Pod",
            "metadata": .map(["name": .text("rampart-probe-" + (control?.rawValue ?? "clean")), "namespace": .text(namespace)]),
            "spec": .map(spec),
        ]).node
    }
}

/// A small literal tree for probe objects, turned into a `Node` (marks at line 0: not from a file).
enum ProbeValue: ExpressibleByStringLiteral, ExpressibleByArrayLiteral {
    case text(String), flag(Bool), number(Int), list([ProbeValue]), map([String: ProbeValue])

    init(stringLiteral value: String) { self = .text(value) }
    init(arrayLiteral elements: ProbeValue...) { self = .list(elements) }

    var node: Node {
        let mark = SourceMark(line: 0, column: 0)
        switch self {
        case .text(let text): return Node(.scalar(Scalar(text, isPlain: false)), mark: mark)
        case .flag(let flag): return Node(.scalar(Scalar(flag ? "true" : "false", isPlain: true)), mark: mark)
        case .number(let number): return Node(.scalar(Scalar(String(number), isPlain: true)), mark: mark)
        case .list(let items): return Node(.sequence(items.map(\.node)), mark: mark)
        case .map(let entries):
            return Node(.mapping(entries.sorted { $0.key < $1.key }.map {
                MappingEntry(key: $0.key, keyMark: mark, value: $0.value.node)
            }), mark: mark)
        }
    }
}
