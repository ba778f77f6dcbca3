import RampartModel

/// The control-plane programs Rampart recognises, by the binary a container runs.
public enum ComponentKind: String, Sendable, CaseIterable {
    case apiServer = "kube-apiserver"
    case controllerManager = "kube-controller-manager"
    case scheduler = "kube-scheduler"
    case etcd

    /// True for the Kubernetes binaries, whose image tag is the Kubernetes version (etcd's is etcd's own).
    public var isKubernetes: Bool { self != .etcd }

    /// Flags of these programs that are booleans: `--name value` never makes `value` theirs.
    static let booleanFlags: Set<String> = [
        "anonymous-auth", "profiling", "contention-profiling", "allow-privileged", "service-account-lookup",
        "enable-bootstrap-token-auth", "kubelet-https", "enable-aggregator-routing", "enable-priority-and-fairness",
        "enable-garbage-collector", "audit-log-compress", "use-service-account-credentials", "leader-elect",
        "allocate-node-cidrs", "configure-cloud-routes", "client-cert-auth", "peer-client-cert-auth", "auto-tls",
        "peer-auto-tls", "enable-v2", "enable-pprof", "strict-reconfig-check", "help", "version",
        "logtostderr", "alsologtostderr",
    ]
}

/// One control-plane component found by content: a container (of a static Pod manifest, or of any
/// pod template) that runs `kube-apiserver`, `kube-controller-manager`, `kube-scheduler` or `etcd`,
/// with its parsed flags and its Kubernetes version.
public struct ControlPlaneComponent: Sendable {
    public let kind: ComponentKind
    public let object: KubeObject
    public let container: Container
    public let flags: FlagSet
    /// The Kubernetes version: the pod's `rampart.dev/kubernetes-version` annotation, else the image tag
    /// (nil for etcd, or when neither gives a version, e.g. an image pinned by digest only).
    public let version: KubernetesVersion?

    /// The annotation that states the Kubernetes version of a component whose image tag does not.
    public static let versionAnnotation = "rampart.dev/kubernetes-version"

    /// The component `container` of `pod` runs, or nil when it runs none of them.
    public init?(pod: PodTemplate, container: Container) {
        let node = container.node
        guard Self.mayName(container) else { return nil }
        let command = Self.tokens(node["command"], path: container.path.appending("command"))
        let args = Self.tokens(node["args"], path: container.path.appending("args"))
        let imageName = container.image.map(Self.repositoryName)
        var kind: ComponentKind?
        var arguments = args
        if let first = command.first {
            kind = ComponentKind(rawValue: Self.baseName(first.text))
            arguments = Array(command.dropFirst()) + args
        } else if let imageName {
            kind = ComponentKind(rawValue: imageName)
        }
        guard let kind else { return nil }
        self.kind = kind
        self.object = pod.object
        self.container = container
        let anchor = node["command"] != nil ? container.path.appending("command") : container.path.appending(node["args"] != nil ? "args" : "name")
        let environment = kind == .etcd ? Self.etcdEnvironment(container) : []
        flags = FlagSet(tokens: arguments, booleanFlags: ComponentKind.booleanFlags, anchor: anchor, leading: environment)
        let declared = pod.annotations[Self.versionAnnotation].flatMap { KubernetesVersion($0) }
        version = kind.isKubernetes ? declared ?? container.image.flatMap { KubernetesVersion(imageTag: $0) } : nil
    }

    /// Whether the container's image or command could name a component: each name contains `kube-`
    /// or `etcd`, so the many containers that mention neither are ruled out before their command is
    /// parsed (this runs on every container of every pod template).
    static func mayName(_ container: Container) -> Bool {
        let texts = [container.image] + (container.node["command"]?.items ?? []).map(\.string)
        return texts.contains { $0.map { $0.contains("kube-") || $0.contains("etcd") } ?? false }
    }

    /// The items of a `command` or `args` list; `sh -c "…"` is split on whitespace.
    static func tokens(_ list: Node?, path: FieldPath) -> [(text: String, path: FieldPath)] {
        let items = (list?.items ?? []).enumerated().compactMap { index, item in
            item.string.map { (text: $0, path: path.appending(index: index)) }
        }
        guard items.count >= 3, ["sh", "bash", "ash"].contains(baseName(items[0].text)), items[1].text == "-c" else { return items }
        let script = items[2]
        let words = script.text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\\" })
            .map(String.init).filter { $0 != "exec" }
        return words.map { (text: $0, path: script.path) }
    }

    /// `kube-apiserver` for `/usr/local/bin/kube-apiserver`.
    static func baseName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// `kube-apiserver` for `registry.k8s.io/kube-apiserver-amd64:v1.30.2`.
    static func repositoryName(_ image: String) -> String {
        let withoutDigest = image.split(separator: "@").first.map(String.init) ?? image
        var name = baseName(withoutDigest)
        if let colon = name.firstIndex(of: ":") { name = String(name[..<colon]) }
        for suffix in ["-amd64", "-arm64"] where name.hasSuffix(suffix) { name = String(name.dropLast(suffix.count)) }
        return name
    }

    /// etcd reads every flag from `ETCD_NAME_IN_CAPITALS` too (the command line wins).
    static func etcdEnvironment(_ container: Container) -> [Flag] {
        (container.node["env"]?.items ?? []).enumerated().compactMap { index, variable in
            guard let name = variable["name"]?.string, name.hasPrefix("ETCD_"), let value = variable["value"]?.string else { return nil }
            let flag = name.dropFirst("ETCD_".count).lowercased().map { $0 == "_" ? "-" : $0 }
            return Flag(name: String(flag), value: value, path: container.path.appending("env").appending(index: index).appending("value"))
        }
    }
}

extension ControlPlaneComponent {
    /// The version rules judge by: the image tag's, or `FlagHistory.assumedVersion` when the tag has none.
    public var effectiveVersion: KubernetesVersion { version ?? FlagHistory.assumedVersion }

    /// A note for findings that depend on the version, saying where it came from.
    public var versionNote: String {
        version.map { "Kubernetes \($0) (from the \(kind.rawValue) image tag or the \(Self.versionAnnotation) annotation)" }
            ?? "image tag carries no version; assumed Kubernetes \(FlagHistory.assumedVersion.minorRelease)"
    }
}
