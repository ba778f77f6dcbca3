import Foundation
import Testing
@testable import RampartKube

/// Kubeconfig as kubectl reads it: merging of KUBECONFIG files, contexts, paths, unsupported settings.
@Suite struct KubeconfigTests {
    private static func write(_ text: String, _ name: String, in directory: URL) throws -> String {
        let path = directory.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static let first = """
        apiVersion: v1
        kind: Config
        current-context: dev
        clusters:
        - name: shared
          cluster: {server: "https://first.example:6443", certificate-authority: certs/ca.crt}
        users:
        - name: shared-user
          user: {token: first-token}
        contexts:
        - name: dev
          context: {cluster: shared, user: shared-user, namespace: team-a}
        """

    static let second = """
        apiVersion: v1
        kind: Config
        current-context: prod
        clusters:
        - name: shared
          cluster: {server: "https://second.example:6443"}
        - name: prod
          cluster: {server: "https://prod.example", tls-server-name: api.prod.example, insecure-skip-tls-verify: "false"}
        users:
        - name: shared-user
          user: {token: second-token}
        - name: prod-user
          user: {tokenFile: token.txt, token: inline-token}
        contexts:
        - name: prod
          context: {cluster: prod, user: prod-user}
        - name: dev
          context: {cluster: prod, user: prod-user}
        """

    @Test func kubeconfigListMergesWithTheFirstFileWinning() throws {
        let directory = try TestCluster.temporaryDirectory()
        let one = try Self.write(Self.first, "one", in: directory)
        let two = try Self.write(Self.second, "two", in: directory)
        let missing = directory.appendingPathComponent("missing").path
        let environment = ["KUBECONFIG": "\(one):\(missing)::\(two):\(one)"]
        let request = ConnectionResolver.Request(environment: environment)
        #expect(ConnectionResolver.kubeconfigFiles(request) == [one, two])
        var config = Kubeconfig()
        for file in [one, two] { config.merge(try Kubeconfig.parse(Array(try String(contentsOfFile: file, encoding: .utf8).utf8), file: file)) }
        #expect(config.currentContext == "dev")
        #expect(config.clusters["shared"]?.server == "https://first.example:6443")
        #expect(config.clusters["shared"]?.certificateAuthority == directory.path + "/certs/ca.crt")
        #expect(config.contexts["dev"]?.cluster == "shared")
        #expect(config.users["shared-user"]?.token == "first-token")
        #expect(config.contexts["prod"]?.cluster == "prod")
    }

    @Test func contextChoosesClusterUserAndTokenFileWins() throws {
        let directory = try TestCluster.temporaryDirectory()
        let path = try Self.write(Self.second, "config", in: directory)
        try Data("file-token\n".utf8).write(to: directory.appendingPathComponent("token.txt"))
        let connection = try ConnectionResolver.resolve(.init(kubeconfig: path, context: "prod", environment: [:]))
        #expect(connection.server == "https://prod.example")
        #expect(connection.tlsServerName == "api.prod.example")
        #expect(connection.insecureSkipTLSVerify == false)
        #expect(connection.namespace == nil)
        guard case .tokenFile(let file) = connection.authentication else { Issue.record("expected the token file"); return }
        #expect(file == directory.path + "/token.txt")
        #expect(!connection.description.contains("token"))
        #expect(throws: KubeError.self) { try ConnectionResolver.resolve(.init(kubeconfig: path, context: "nope", environment: [:])) }
    }

    @Test func explicitKubeconfigMustExist() {
        #expect(throws: KubeError.self) {
            try ConnectionResolver.resolve(.init(kubeconfig: "/nonexistent/kubeconfig", environment: [:]))
        }
        #expect(ConnectionResolver.kubeconfigFiles(.init(environment: ["HOME": "/nonexistent"])) == [])
    }

    @Test func unsupportedSettingsAreNamed() throws {
        let proxy = """
            clusters: [{name: c, cluster: {server: "https://x", proxy-url: "http://proxy:3128"}}]
            users: [{name: u, user: {token: t}}]
            contexts: [{name: x, context: {cluster: c, user: u}}]
            current-context: x
            """
        let config = try Kubeconfig.parse(Array(proxy.utf8), file: "proxy")
        #expect { try ConnectionResolver.connection(config, context: nil) } throws: { error in
            (error as? KubeError)?.message.contains("proxy-url") == true
        }
        let authProvider = """
            clusters: [{name: c, cluster: {server: "https://x"}}]
            users: [{name: u, user: {auth-provider: {name: gcp}}}]
            contexts: [{name: x, context: {cluster: c, user: u}}]
            """
        let legacy = try Kubeconfig.parse(Array(authProvider.utf8), file: "legacy")
        #expect { try ConnectionResolver.connection(legacy, context: "x") } throws: { error in
            (error as? KubeError)?.message.contains("auth-provider \"gcp\"") == true
        }
        #expect(throws: KubeError.self) { try ConnectionResolver.connection(legacy, context: nil) }
    }

    @Test func duplicateNamesInOneFileAreAnError() {
        let text = "clusters:\n- {name: a, cluster: {server: https://1}}\n- {name: a, cluster: {server: https://2}}\n"
        #expect(throws: KubeError.self) { try Kubeconfig.parse(Array(text.utf8), file: "dup") }
    }

    @Test func execPluginCommandIsRelativeOnlyWithASlash() throws {
        let text = """
            users:
            - name: eks
              user:
                exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: aws, args: [eks, get-token], env: [{name: AWS_PROFILE, value: dev}]}
            - name: local
              user:
                exec: {apiVersion: client.authentication.k8s.io/v1, command: bin/login, provideClusterInfo: true}
            """
        let config = try Kubeconfig.parse(Array(text.utf8), file: "/home/me/.kube/config")
        #expect(config.users["eks"]?.exec?.command == "aws")
        #expect(config.users["eks"]?.exec?.args == ["eks", "get-token"])
        #expect(config.users["eks"]?.exec?.env.first?.value == "dev")
        #expect(config.users["local"]?.exec?.command == "/home/me/.kube/bin/login")
        let plugin = try #require(config.users["local"]?.exec)
        var connection = ClusterConnection(contextName: "x", clusterName: "c", server: "https://api.example")
        connection.certificateAuthorityPEM = Array("PEM".utf8)
        let info = ExecCredentialPlugin.execInfo(plugin, connection: connection)
        #expect(info.contains(#""interactive":false"#) && info.contains("api.example") && info.contains("UEVN"))
    }

    @Test func inClusterConfigurationFromTheServiceAccount() throws {
        let directory = try TestCluster.temporaryDirectory()
        try Data("sa-token".utf8).write(to: directory.appendingPathComponent("token"))
        try Data(TestCertificates.caCertificate.utf8).write(to: directory.appendingPathComponent("ca.crt"))
        try Data("rampart\n".utf8).write(to: directory.appendingPathComponent("namespace"))
        var request = ConnectionResolver.Request(environment: ["KUBERNETES_SERVICE_HOST": "fd00::1", "KUBERNETES_SERVICE_PORT": "443"])
        request.serviceAccountDirectory = directory.path
        let connection = try ConnectionResolver.resolve(request)
        #expect(connection.server == "https://[fd00::1]:443")
        #expect(connection.namespace == "rampart")
        #expect(connection.contextName == nil)
        #expect(connection.certificateAuthorityPEM == Array(TestCertificates.caCertificate.utf8))
        request.environment = [:]
        #expect(throws: KubeError.self) { try ConnectionResolver.resolve(request) }
    }
}

/// Values holding credentials never show them when printed.
@Suite struct RedactionTests {
    @Test func descriptionsHideCredentials() throws {
        let text = "users: [{name: u, user: {token: s3cr3t-token, client-key-data: a2V5}}]"
        let user = try #require(try Kubeconfig.parse(Array(text.utf8), file: "k").users["u"])
        var connection = ClusterConnection(contextName: "c", clusterName: "c", server: "https://x")
        connection.authentication = .token("s3cr3t-token")
        let credential = ExecCredentialPlugin.Credential(token: "s3cr3t-token")
        for shown in ["\(user)", String(reflecting: user), "\(connection)", "\(connection.authentication)",
                      String(reflecting: connection.authentication), "\(credential)", String(reflecting: credential)] {
            #expect(!shown.contains("s3cr3t") && !shown.contains("a2V5"), "\(shown)")
        }
    }
}
