/// Everything needed to talk to one API server: where it is, how to trust it, and who we are.
/// Its description names the server and context only; credentials are never shown.
public struct ClusterConnection: Sendable, CustomStringConvertible {
    /// How requests prove who we are.
    public enum Authentication: Sendable {
        case none
        /// A bearer token given inline.
        case token(String)
        /// A bearer token read from a file (a service account token, `tokenFile`).
        case tokenFile(String)
        /// A credential plugin run before the first request.
        case exec(Kubeconfig.ExecPlugin)
    }

    /// The kubeconfig context, or nil for the in-cluster configuration.
    public var contextName: String?
    /// The kubeconfig cluster name (`in-cluster` inside a pod).
    public var clusterName: String
    /// `https://host:port` with an optional path prefix, without a trailing slash.
    public var server: String
    /// The context's default namespace.
    public var namespace: String?
    /// PEM certificates of the certificate authorities to trust; nil: the system's.
    public var certificateAuthorityPEM: [UInt8]?
    public var insecureSkipTLSVerify = false
    /// The name to verify the server's certificate against, when not the host of `server`.
    public var tlsServerName: String?
    /// PEM client certificate and key, when the user authenticates with one.
    public var clientCertificatePEM: [UInt8]?
    public var clientKeyPEM: [UInt8]?
    public var authentication: Authentication = .none

    public init(contextName: String?, clusterName: String, server: String) {
        self.contextName = contextName
        self.clusterName = clusterName
        self.server = server
    }

    public var description: String {
        "\(server) (\(contextName.map { "context \($0)" } ?? "in-cluster"))"
    }
}
