import Foundation
import Testing
@testable import RampartKube

/// Credentials and TLS against the local HTTPS server: exec plugins, client certificates, the CA,
/// `tls-server-name` and `insecure-skip-tls-verify`.
@Suite struct AuthenticationTests {
    /// An exec plugin that checks what kubectl gives plugins, then prints `output`.
    private static func plugin(in directory: URL, output: String, status: Int = 0) throws {
        let script = """
            #!/bin/sh
            case "$KUBERNETES_EXEC_INFO" in *'"kind":"ExecCredential"'*) ;; *) exit 3 ;; esac
            [ "$RAMPART_TEST_ENV" = "from-kubeconfig" ] || exit 4
            [ "$1" = "get-token" ] || exit 5
            printf '%s' '\(output)'
            exit \(status)
            """
        let url = directory.appendingPathComponent("plugin.sh")
        try Data(script.utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
    }

    private static let execUser = """
            exec:
              apiVersion: client.authentication.k8s.io/v1
              command: ./plugin.sh
              args: [get-token]
              env: [{name: RAMPART_TEST_ENV, value: from-kubeconfig}]
              interactiveMode: Never
              installHint: install the test plugin
        """

    /// Reads the fake cluster with `user`; returns the objects read or the error met.
    private static func attempt(user: String, cluster: String = "", server: String? = nil, trustingTheCA: Bool = true,
                                setup: FakeAPIServer.Setup = FakeAPIServer.Setup(items: TestCluster.items),
                                prepare: (URL) throws -> Void = { _ in }) async throws -> Result<Int, KubeError> {
        let directory = try TestCluster.temporaryDirectory()
        try prepare(directory)
        return try await FakeAPIServer.with(setup) { _, port in
            let kubeconfig = try TestCluster.kubeconfig(port: port, user: user, cluster: cluster,
                                                        server: server?.replacingOccurrences(of: "PORT", with: "\(port)"),
                                                        trustingTheCA: trustingTheCA, in: directory)
            do {
                // The listed objects; the server's /version document is read whatever the credentials allow.
                return .success(try await TestCluster.read(kubeconfig: kubeconfig).objects.filter { $0.kind != "ServerVersion" }.count)
            } catch let error as KubeError {
                return .failure(error)
            }
        }
    }

    @Test func execPluginTokenIsUsed() async throws {
        let credential = #"{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"test-token"}}"#
        let result = try await Self.attempt(user: Self.execUser) { try Self.plugin(in: $0, output: credential) }
        #expect(try result.get() == 13)
    }

    @Test func failingExecPluginSaysHowToInstallIt() async throws {
        let result = try await Self.attempt(user: Self.execUser) { try Self.plugin(in: $0, output: "", status: 1) }
        guard case .failure(let error) = result else { Issue.record("expected a failure"); return }
        #expect(error.message.contains("failed (status 1)"))
        #expect(error.message.contains("install the test plugin"))
    }

    @Test func execPluginAnsweringAnotherVersionIsRejected() async throws {
        let credential = #"{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"token":"test-token"}}"#
        let result = try await Self.attempt(user: Self.execUser) { try Self.plugin(in: $0, output: credential) }
        guard case .failure(let error) = result else { Issue.record("expected a failure"); return }
        #expect(error.message.contains("not the configured"))
        #expect(!error.message.contains("test-token"))
    }

    @Test func clientCertificateFromDataAndKeyFromARelativeFile() async throws {
        var setup = FakeAPIServer.Setup(items: TestCluster.items)
        setup.token = nil
        setup.requireClientCertificate = true
        let certificate = Data(TestCertificates.clientCertificate.utf8).base64EncodedString()
        let user = "    client-certificate-data: \(certificate)\n    client-key: keys/client.key"
        let result = try await Self.attempt(user: user, setup: setup) { directory in
            try FileManager.default.createDirectory(at: directory.appendingPathComponent("keys"), withIntermediateDirectories: true)
            try Data(TestCertificates.clientKey.utf8).write(to: directory.appendingPathComponent("keys/client.key"))
        }
        #expect(try result.get() == 13)
        let without = try await Self.attempt(user: "    token: unused", setup: setup)
        #expect(throws: KubeError.self) { try without.get() }
    }

    @Test func serverCertificateIsVerifiedAgainstTheCAAndTheName() async throws {
        let user = "    token: test-token"
        await #expect(throws: KubeError.self) { try await Self.attempt(user: user, trustingTheCA: false).get() }
        #expect(try await Self.attempt(user: user, cluster: "    insecure-skip-tls-verify: true", trustingTheCA: false).get() == 13)
        // This certificate names kubernetes.test only: with tls-server-name, that name is checked (and sent as SNI).
        var named = FakeAPIServer.Setup(items: TestCluster.items)
        named.nameOnlyCertificate = true
        let byIP = "https://127.0.0.1:PORT"
        #expect(try await Self.attempt(user: user, cluster: "    tls-server-name: kubernetes.test", server: byIP, setup: named).get() == 13)
        for cluster in ["", "    tls-server-name: elsewhere.test"] {
            await #expect(throws: KubeError.self) { try await Self.attempt(user: user, cluster: cluster, server: byIP, setup: named).get() }
        }
    }
}
