import Foundation

/// The configuration of a pod: the API server from `KUBERNETES_SERVICE_HOST`/`_PORT`, the mounted
/// service account token (re-read from its file, which the kubelet rotates), CA and namespace.
public enum InClusterConfig {
    public static let serviceAccountDirectory = "/var/run/secrets/kubernetes.io/serviceaccount"

    /// The in-cluster connection, or nil when not running in a pod.
    static func connection(environment: [String: String], directory: String) throws(KubeError) -> ClusterConnection? {
        guard let host = environment["KUBERNETES_SERVICE_HOST"], !host.isEmpty,
              let port = environment["KUBERNETES_SERVICE_PORT"], !port.isEmpty else { return nil }
        let tokenFile = directory + "/token"
        guard FileManager.default.fileExists(atPath: tokenFile) else { return nil }
        let bracketed = host.contains(":") ? "[\(host)]" : host
        var connection = ClusterConnection(contextName: nil, clusterName: "in-cluster", server: "https://\(bracketed):\(port)")
        connection.authentication = .tokenFile(tokenFile)
        connection.certificateAuthorityPEM = try ConnectionResolver.read(directory + "/ca.crt", what: "service account CA")
        connection.namespace = FileManager.default.contents(atPath: directory + "/namespace")
            .map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
        return connection
    }
}
