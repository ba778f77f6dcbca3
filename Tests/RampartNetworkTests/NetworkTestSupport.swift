import RampartModel
import TestSupport
@testable import RampartNetwork

/// Helpers for the network tests: analyses of manifests given as text, pods looked up by id.
extension NetworkAnalysis {
    init(yaml: String) {
        self.init(Fixtures.inventory(yaml))
    }

    func pod(_ id: String) -> Int? {
        pods.firstIndex { $0.id == id }
    }

    /// The decision between two pods named `ns/name`; nil when either is unknown.
    func allows(_ from: String, _ to: String, _ proto: NetworkProtocol = .tcp, _ port: Int = 80) -> Bool? {
        guard let source = pod(from), let destination = pod(to) else { return nil }
        return isAllowed(from: source, to: destination, proto: proto, port: port)
    }
}

/// Three namespaces x, y, z with pods a, b, c each serving 80 and 81 (TCP, UDP) under named ports,
/// as the Kubernetes e2e suite sets them up, followed by `policies`.
func e2eCluster(_ policies: String) -> String {
    var documents: [String] = []
    for namespace in ["x", "y", "z"] {
        documents.append("""
            apiVersion: v1
            kind: Namespace
            metadata: {name: \(namespace), labels: {ns: \(namespace)}}
            """)
        for pod in ["a", "b", "c"] {
            documents.append("""
                apiVersion: v1
                kind: Pod
                metadata: {name: \(pod), namespace: \(namespace), labels: {pod: \(pod)}}
                spec:
                  containers:
                  - name: c80
                    ports: [{name: serve-80-tcp, containerPort: 80}, {name: serve-80-udp, containerPort: 80, protocol: UDP}]
                  - name: c81
                    ports: [{name: serve-81-tcp, containerPort: 81}]
                """)
        }
    }
    return (documents + [policies]).joined(separator: "\n---\n")
}

/// A NetworkPolicy that isolates every pod of namespace x for ingress and admits everything, as a
/// further document of `e2eCluster`'s policies.
let allowAllIngressInX = """

    ---
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata: {name: allow-all, namespace: x}
    spec:
      podSelector: {}
      ingress: [{}]
    """
