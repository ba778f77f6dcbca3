import Foundation
@testable import RampartKube

/// The recorded cluster the fake API server serves, and kubeconfigs that point at it.
enum TestCluster {
    /// Seven pods (pages of three), a privileged one among them, with the managedFields servers add.
    static let pods: [String] = (0..<7).map { index in
        let privileged = index == 4 ? #","securityContext":{"privileged":true}"# : ""
        return #"""
            {"metadata":{"name":"web-\#(index)","namespace":"team-a","uid":"uid-\#(index)","labels":{"app":"web","enabled":"on"},
             "managedFields":[{"manager":"kubectl","operation":"Update","fieldsV1":{"f:spec":{}}}]},
             "spec":{"containers":[{"name":"web","image":"nginx:1.27"\#(privileged)}]},"status":{"podIP":"10.0.0.\#(index + 1)"}}
            """#
    }

    /// Two Secrets with values (which must never be kept) and a last-applied annotation repeating one.
    static let secrets = [
        #"""
        {"metadata":{"name":"db","namespace":"team-a","annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\"data\":{\"password\":\"aHVudGVyMg==\"}}","owner":"team-a"}},
         "type":"Opaque","data":{"password":"aHVudGVyMg=="},"stringData":{"plain":"hunter2"}}
        """#,
        #"{"metadata":{"name":"tls","namespace":"team-b"},"type":"kubernetes.io/tls","data":{"tls.key":"c2VjcmV0LWtleQ=="}}"#,
    ]

    static let items: [String: [String]] = [
        "/api/v1/pods": pods,
        "/api/v1/secrets": secrets,
        "/api/v1/namespaces": [#"{"metadata":{"name":"team-a","labels":{"pod-security.kubernetes.io/enforce":"restricted"}}}"#,
                               #"{"metadata":{"name":"team-b"}}"#],
        "/api/v1/configmaps": [], "/api/v1/serviceaccounts": [], "/api/v1/services": [], "/api/v1/nodes": [],
        "/apis/apps/v1/deployments": [#"""
            {"metadata":{"name":"api","namespace":"team-b"},"spec":{"template":{"metadata":{"labels":{"app":"api"}},
             "spec":{"containers":[{"name":"api","image":"registry.example/api:2.0","securityContext":{"runAsUser":-1}}]}}}}
            """#],
        "/apis/apps/v1/replicasets": [],
        "/apis/rbac.authorization.k8s.io/v1/roles": [], "/apis/rbac.authorization.k8s.io/v1/rolebindings": [],
        "/apis/rbac.authorization.k8s.io/v1/clusterroles": [#"{"metadata":{"name":"everything"},"rules":[{"apiGroups":["*"],"resources":["*"],"verbs":["*"]}]}"#],
        "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings": [],
        "/apis/networking.k8s.io/v1/networkpolicies": [],
        "/apis/admissionregistration.k8s.io/v1/validatingadmissionpolicies": [],
        "/apis/admissionregistration.k8s.io/v1/validatingadmissionpolicybindings": [],
        "/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations": [],
        "/apis/admissionregistration.k8s.io/v1beta1/mutatingadmissionpolicies": [],
        "/apis/admissionregistration.k8s.io/v1beta1/mutatingadmissionpolicybindings": [],
    ]

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rampart-kube-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A kubeconfig for the server on `port`; `user` is the YAML of the `user:` entry and `cluster` extra fields of the cluster entry (both indented four spaces).
    static func kubeconfig(port: Int, user: String, cluster extra: String = "",
                           server: String? = nil, trustingTheCA: Bool = true, in directory: URL) throws -> String {
        let ca = trustingTheCA ? "certificate-authority-data: " + Data(TestCertificates.caCertificate.utf8).base64EncodedString() : ""
        let text = """
            apiVersion: v1
            kind: Config
            current-context: test
            clusters:
            - name: fake
              cluster:
                server: \(server ?? "https://127.0.0.1:\(port)")
                \(ca)
            \(extra)
            users:
            - name: tester
              user:
            \(user)
            contexts:
            - name: test
              context: {cluster: fake, user: tester, namespace: team-a}
            """
        let path = directory.appendingPathComponent("config").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Resolves and reads the cluster of `kubeconfig`.
    static func read(kubeconfig: String, options: ClusterReader.Options = pagesOfThree) async throws -> ClusterSnapshot {
        let connection = try ConnectionResolver.resolve(.init(kubeconfig: kubeconfig, environment: [:]))
        let client = try await KubeClient.connect(connection, retry: RetryPolicy(attempts: 3, initialDelay: 0.01))
        do {
            let snapshot = try await ClusterReader.read(client, options: options)
            await client.shutdown()
            return snapshot
        } catch {
            await client.shutdown()
            throw error
        }
    }

    static var pagesOfThree: ClusterReader.Options {
        var options = ClusterReader.Options()
        options.pageSize = 3
        return options
    }
}
