import Foundation

/// Finds the cluster to talk to the way kubectl does: `--kubeconfig`, else the files of `KUBECONFIG`
/// merged, else `~/.kube/config`, else the in-cluster service account; then `--context` or the current
/// context. Reads certificate and token files; runs nothing (exec plugins run when the client connects).
public enum ConnectionResolver {
    /// What the user asked for.
    public struct Request: Sendable {
        public var kubeconfig: String?
        public var context: String?
        public var environment: [String: String]
        /// Where the in-cluster service account files are mounted.
        public var serviceAccountDirectory = InClusterConfig.serviceAccountDirectory

        public init(kubeconfig: String? = nil, context: String? = nil,
                    environment: [String: String] = ProcessInfo.processInfo.environment) {
            self.kubeconfig = kubeconfig
            self.context = context
            self.environment = environment
        }
    }

    /// The connection for `request`, or an error saying what is missing or unsupported.
    public static func resolve(_ request: Request) throws(KubeError) -> ClusterConnection {
        let files = kubeconfigFiles(request)
        if files.isEmpty, request.context == nil,
           let inCluster = try InClusterConfig.connection(environment: request.environment,
                                                          directory: request.serviceAccountDirectory) {
            return inCluster
        }
        guard !files.isEmpty else {
            throw KubeError("no kubeconfig found (looked at --kubeconfig, KUBECONFIG and ~/.kube/config) and not running in a pod")
        }
        var config = Kubeconfig()
        for file in files {
            config.merge(try Kubeconfig.parse(try read(file, what: "kubeconfig"), file: file))
        }
        return try connection(config, context: request.context)
    }

    /// The kubeconfig files to read, in precedence order. An explicit `--kubeconfig` must exist;
    /// missing files of `KUBECONFIG` are skipped, duplicates read once, as kubectl does.
    static func kubeconfigFiles(_ request: Request) -> [String] {
        if let explicit = request.kubeconfig { return [explicit] }
        if let list = request.environment["KUBECONFIG"], !list.isEmpty {
            var seen: Set<String> = []
            return list.split(separator: ":").map(String.init)
                .filter { !$0.isEmpty && seen.insert($0).inserted && FileManager.default.fileExists(atPath: $0) }
        }
        guard let home = request.environment["HOME"] else { return [] }
        let path = home + "/.kube/config"
        return FileManager.default.fileExists(atPath: path) ? [path] : []
    }

    /// The connection of `context` (or the current context) of a merged kubeconfig.
    public static func connection(_ config: Kubeconfig, context wanted: String?) throws(KubeError) -> ClusterConnection {
        guard let contextName = wanted ?? config.currentContext else {
            throw KubeError("the kubeconfig has no current context; choose one with --context")
        }
        guard let context = config.contexts[contextName] else {
            throw KubeError("context \"\(contextName)\" is not in the kubeconfig")
        }
        guard let cluster = config.clusters[context.cluster] else {
            throw KubeError("cluster \"\(context.cluster)\" of context \"\(contextName)\" is not in the kubeconfig")
        }
        guard let server = cluster.server, !server.isEmpty else {
            throw KubeError("cluster \"\(context.cluster)\" has no server")
        }
        if let proxy = cluster.proxyURL, !proxy.isEmpty {
            throw KubeError("cluster \"\(context.cluster)\" uses proxy-url, which Rampart does not support; "
                            + "run it where the API server is reachable directly (or in the cluster, see docs/live-cluster.md)")
        }
        var connection = ClusterConnection(contextName: contextName, clusterName: context.cluster,
                                           server: server.hasSuffix("/") ? String(server.dropLast()) : server)
        connection.namespace = context.namespace
        connection.insecureSkipTLSVerify = cluster.insecureSkipTLSVerify
        connection.tlsServerName = cluster.tlsServerName
        connection.certificateAuthorityPEM = try material(data: cluster.certificateAuthorityData,
                                                          file: cluster.certificateAuthority, what: "certificate-authority")
        guard !context.user.isEmpty else { return connection }
        guard let user = config.users[context.user] else {
            throw KubeError("user \"\(context.user)\" of context \"\(contextName)\" is not in the kubeconfig")
        }
        try authenticate(&connection, as: user, named: context.user)
        return connection
    }

    private static func authenticate(_ connection: inout ClusterConnection, as user: Kubeconfig.User,
                                     named name: String) throws(KubeError) {
        if let method = user.unsupportedMethod {
            throw KubeError("user \"\(name)\" uses \(method), which Rampart does not support")
        }
        connection.clientCertificatePEM = try material(data: user.clientCertificateData, file: user.clientCertificate,
                                                       what: "client-certificate")
        connection.clientKeyPEM = try material(data: user.clientKeyData, file: user.clientKey, what: "client-key")
        if (connection.clientCertificatePEM == nil) != (connection.clientKeyPEM == nil) {
            throw KubeError("user \"\(name)\" has a client certificate without a key, or a key without a certificate")
        }
        // As client-go: a token file wins over an inline token; either wins over an exec plugin.
        if let file = user.tokenFile, !file.isEmpty {
            connection.authentication = .tokenFile(file)
        } else if let token = user.token, !token.isEmpty {
            connection.authentication = .token(token)
        } else if let exec = user.exec {
            connection.authentication = .exec(exec)
        }
    }

    /// Base64 `data` (which wins, as in kubectl) or the content of `file`.
    private static func material(data: String?, file: String?, what: String) throws(KubeError) -> [UInt8]? {
        if let data, !data.isEmpty {
            guard let decoded = Data(base64Encoded: data, options: .ignoreUnknownCharacters) else {
                throw KubeError("\(what)-data is not valid base64")
            }
            return Array(decoded)
        }
        guard let file, !file.isEmpty else { return nil }
        return try read(file, what: what)
    }

    static func read(_ path: String, what: String) throws(KubeError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw KubeError("cannot read the \(what) file \(path)")
        }
        return Array(data)
    }
}
