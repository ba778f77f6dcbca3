import RampartLoading
import RampartModel

/// One kubeconfig file as kubectl reads it: named clusters, users and contexts, and the current context.
///
/// Credentials read here (tokens, key data) stay inside this module's values; nothing prints them,
/// and the types' descriptions never show them.
public struct Kubeconfig: Sendable {
    /// A `clusters[].cluster` entry.
    public struct Cluster: Sendable {
        public var server: String?
        public var certificateAuthority: String?
        public var certificateAuthorityData: String?
        public var insecureSkipTLSVerify = false
        public var tlsServerName: String?
        public var proxyURL: String?
    }

    /// An `exec` credential plugin (`client.authentication.k8s.io/v1` or `v1beta1`).
    public struct ExecPlugin: Sendable {
        public var apiVersion: String
        public var command: String
        public var args: [String] = []
        public var env: [(name: String, value: String)] = []
        public var interactiveMode: String?
        public var provideClusterInfo = false
        public var installHint: String?
    }

    /// A `users[].user` entry.
    public struct User: Sendable {
        public var clientCertificate: String?
        public var clientCertificateData: String?
        public var clientKey: String?
        public var clientKeyData: String?
        public var token: String?
        public var tokenFile: String?
        public var exec: ExecPlugin?
        /// Set when the entry uses a method Rampart does not support (auth-provider, basic auth).
        public var unsupportedMethod: String?
    }

    /// A `contexts[].context` entry.
    public struct Context: Sendable {
        public var cluster: String
        public var user: String
        public var namespace: String?
    }

    public var clusters: [String: Cluster] = [:]
    public var users: [String: User] = [:]
    public var contexts: [String: Context] = [:]
    public var currentContext: String?
    /// The file each named entry came from (relative paths in it are resolved against its directory).
    public var clusterOrigins: [String: String] = [:]
    public var userOrigins: [String: String] = [:]

    public init() {}

    /// Parses the text of one kubeconfig file. `file` names it in errors. Relative paths are resolved
    /// against the file's directory, as kubectl does.
    public static func parse(_ bytes: [UInt8], file: String) throws(KubeError) -> Kubeconfig {
        let (documents, errors) = ManifestLoader.documents(bytes, file: file)
        if let error = errors.first { throw KubeError("\(error.description) (kubeconfig)") }
        var config = Kubeconfig()
        guard let root = documents.first else { return config }
        guard root.isMapping else { throw KubeError("\(file): a kubeconfig is a mapping") }
        let directory = Self.directory(of: file)
        config.currentContext = root["current-context"]?.string.flatMap { $0.isEmpty ? nil : $0 }
        for (name, node) in try named(root, "clusters", "cluster", file: file) {
            config.clusters[name] = cluster(node, directory: directory)
            config.clusterOrigins[name] = file
        }
        for (name, node) in try named(root, "users", "user", file: file) {
            config.users[name] = try user(node, directory: directory, file: file)
            config.userOrigins[name] = file
        }
        for (name, node) in try named(root, "contexts", "context", file: file) {
            config.contexts[name] = Context(cluster: node["cluster"]?.string ?? "", user: node["user"]?.string ?? "",
                                            namespace: node["namespace"]?.string)
        }
        return config
    }

    /// Merges `other` (a later file of `KUBECONFIG`) into this one with kubectl's rule: the first file
    /// to set a value wins; a named entry is never changed by a later file.
    public mutating func merge(_ other: Kubeconfig) {
        clusters.merge(other.clusters) { first, _ in first }
        users.merge(other.users) { first, _ in first }
        contexts.merge(other.contexts) { first, _ in first }
        clusterOrigins.merge(other.clusterOrigins) { first, _ in first }
        userOrigins.merge(other.userOrigins) { first, _ in first }
        if currentContext == nil { currentContext = other.currentContext }
    }

    /// The `name`/`entry` pairs of a list such as `clusters`; a duplicate name is an error, as in kubectl.
    private static func named(_ root: Node, _ list: String, _ entry: String, file: String) throws(KubeError) -> [(String, Node)] {
        var seen: Set<String> = []
        var result: [(String, Node)] = []
        for item in root[list]?.items ?? [] {
            guard let name = item["name"]?.string else { continue }
            guard seen.insert(name).inserted else { throw KubeError("\(file): duplicate name \"\(name)\" in \(list)") }
            result.append((name, item[entry] ?? Node(.mapping([]), mark: item.mark)))
        }
        return result
    }

    private static func cluster(_ node: Node, directory: String) -> Cluster {
        Cluster(server: node["server"]?.string,
                certificateAuthority: node["certificate-authority"]?.string.map { resolve($0, in: directory) },
                certificateAuthorityData: node["certificate-authority-data"]?.string,
                insecureSkipTLSVerify: node["insecure-skip-tls-verify"]?.bool ?? false,
                tlsServerName: node["tls-server-name"]?.string,
                proxyURL: node["proxy-url"]?.string)
    }

    private static func user(_ node: Node, directory: String, file: String) throws(KubeError) -> User {
        var user = User(clientCertificate: node["client-certificate"]?.string.map { resolve($0, in: directory) },
                        clientCertificateData: node["client-certificate-data"]?.string,
                        clientKey: node["client-key"]?.string.map { resolve($0, in: directory) },
                        clientKeyData: node["client-key-data"]?.string,
                        token: node["token"]?.string,
                        tokenFile: node["tokenFile"]?.string.map { resolve($0, in: directory) })
        if let exec = node["exec"], exec.isMapping { user.exec = try plugin(exec, directory: directory, file: file) }
        if node["auth-provider"]?.isMapping == true {
            user.unsupportedMethod = "auth-provider \"\(node["auth-provider"]?["name"]?.string ?? "")\" (removed from kubectl; use an exec plugin)"
        } else if node["username"]?.string != nil || node["password"]?.string != nil {
            user.unsupportedMethod = "basic authentication (username/password)"
        }
        return user
    }

    private static func plugin(_ node: Node, directory: String, file: String) throws(KubeError) -> ExecPlugin {
        guard let command = node["command"]?.string, !command.isEmpty else {
            throw KubeError("\(file): exec plugin without a command")
        }
        // As client-go: only a command with a path separator is relative to the kubeconfig; others are looked up in PATH.
        var plugin = ExecPlugin(apiVersion: node["apiVersion"]?.string ?? "",
                                command: command.contains("/") ? resolve(command, in: directory) : command)
        plugin.args = node["args"]?.items.compactMap(\.string) ?? []
        plugin.env = node["env"]?.items.compactMap { entry in
            entry["name"]?.string.map { (name: $0, value: entry["value"]?.string ?? "") }
        } ?? []
        plugin.interactiveMode = node["interactiveMode"]?.string
        plugin.provideClusterInfo = node["provideClusterInfo"]?.bool ?? false
        plugin.installHint = node["installHint"]?.string
        return plugin
    }

    static func directory(of file: String) -> String {
        guard let slash = file.lastIndex(of: "/") else { return "." }
        return file[..<slash].isEmpty ? "/" : String(file[..<slash])
    }

    static func resolve(_ path: String, in directory: String) -> String {
        guard !path.isEmpty, !path.hasPrefix("/") else { return path }
        return directory + "/" + path
    }
}
