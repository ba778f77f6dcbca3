import RampartControlPlane
import RampartLoading
import RampartModel

/// Reads the API server's `GET /version` into a `ServerVersion` document, so the rules can judge
/// the release of a control plane that has no static pods to read (EKS, GKE, AKS…).
enum ServerVersionReader {
    static let path = "/version"

    /// The document, or the coverage gap when the server does not answer with a version.
    static func read(_ client: KubeClient) async throws(KubeError) -> (object: KubeObject?, gap: CoverageGap?) {
        let response = try await client.get(path)
        try CoverageGap.stopOnUnauthorized(response)
        guard response.status == 200 else { return (nil, CoverageGap(resource: path, namespace: nil, response: response)) }
        let answer = ManifestLoader.documents(response.body, file: path).documents.first
        guard let gitVersion = answer?["gitVersion"]?.string else {
            return (nil, CoverageGap(resource: path, namespace: nil, status: response.status, reason: "the answer holds no gitVersion"))
        }
        var fields: [(key: String, value: Node)] = [
            ("apiVersion", .string(ServerVersion.apiVersion)), ("kind", .string(ServerVersion.kind)),
            ("metadata", .mapping(["name": .string("kube-apiserver")])), ("gitVersion", .string(gitVersion)),
        ]
        if let platform = answer?["platform"]?.string { fields.append(("platform", .string(platform))) }
        return (KubeObject(root: .mapping(fields), file: nil), nil)
    }
}
