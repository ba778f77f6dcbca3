import RampartLoading

/// Something the scanner could not read (forbidden, not served, failing), so the audit does not cover it.
public struct CoverageGap: Sendable, Hashable, Codable, Comparable {
    /// The resource (`secrets`, `deployments.apps`) or discovery path that could not be read.
    public var resource: String
    /// The namespace of the request, when it was limited to one.
    public var namespace: String?
    /// The HTTP status of the last answer.
    public var status: Int
    /// Why, from the API server's `Status` message when it gave one.
    public var reason: String

    public init(resource: String, namespace: String?, status: Int, reason: String) {
        self.resource = resource
        self.namespace = namespace
        self.status = status
        self.reason = reason
    }

    /// The gap an unsuccessful answer leaves.
    init(resource: String, namespace: String?, response: KubeClient.Response) {
        let (documents, _) = ManifestLoader.documents(response.body, file: "status")
        let message = documents.first?["message"]?.string
        let fallback = response.status == 403 ? "forbidden" : "HTTP \(response.status)"
        self.init(resource: resource, namespace: namespace, status: response.status, reason: message ?? fallback)
    }

    /// A 401 means the credentials were refused: nothing can be read, so the run stops.
    static func stopOnUnauthorized(_ response: KubeClient.Response) throws(KubeError) {
        if response.status == 401 {
            throw KubeError("the API server refused the credentials (401 Unauthorized); check the kubeconfig user or log in again")
        }
    }

    public static func < (lhs: CoverageGap, rhs: CoverageGap) -> Bool {
        (lhs.resource, lhs.namespace ?? "") < (rhs.resource, rhs.namespace ?? "")
    }
}
