import RampartLoading
import RampartModel

extension CoverageGap {
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
}
