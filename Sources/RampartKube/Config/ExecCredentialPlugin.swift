import Foundation
import RampartLoading

/// Runs a kubeconfig `exec` credential plugin (as EKS, GKE and AKS use) and reads the
/// `ExecCredential` it prints. Never interactive: the plugin gets no standard input; its standard
/// error goes to ours (login hints), its standard output (the credential) is never shown.
public enum ExecCredentialPlugin {
    /// The API versions of `ExecCredential` understood here.
    public static let supportedVersions: Set<String> = [
        "client.authentication.k8s.io/v1", "client.authentication.k8s.io/v1beta1",
    ]
    /// A plugin that has not finished after this long is stopped.
    public static let timeout: TimeInterval = 120

    /// What a plugin returned: a bearer token, a client certificate and key, or both.
    public struct Credential: Sendable {
        public var token: String?
        public var clientCertificatePEM: [UInt8]?
        public var clientKeyPEM: [UInt8]?
    }

    /// Runs `plugin` for `connection` and returns its credential.
    public static func run(_ plugin: Kubeconfig.ExecPlugin, for connection: ClusterConnection,
                           environment: [String: String] = ProcessInfo.processInfo.environment) async throws(KubeError) -> Credential {
        guard supportedVersions.contains(plugin.apiVersion) else {
            throw KubeError("exec plugin \(plugin.command): apiVersion \"\(plugin.apiVersion)\" is not supported "
                            + "(use client.authentication.k8s.io/v1 or v1beta1)")
        }
        if plugin.interactiveMode == "Always" {
            throw KubeError("exec plugin \(plugin.command) needs an interactive terminal (interactiveMode: Always)")
        }
        var env = environment
        for variable in plugin.env { env[variable.name] = variable.value }
        env["KUBERNETES_EXEC_INFO"] = execInfo(plugin, connection: connection)
        let environment = env
        let result = await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: launch(plugin, environment: environment)) }
        }
        let output = try result.get()
        return try parse(output, plugin: plugin)
    }

    /// The `ExecCredential` request given to the plugin in `KUBERNETES_EXEC_INFO`.
    static func execInfo(_ plugin: Kubeconfig.ExecPlugin, connection: ClusterConnection) -> String {
        var spec: [String: Any] = ["interactive": false]
        if plugin.provideClusterInfo {
            var cluster: [String: Any] = ["server": connection.server, "insecure-skip-tls-verify": connection.insecureSkipTLSVerify]
            if let name = connection.tlsServerName { cluster["tls-server-name"] = name }
            if let ca = connection.certificateAuthorityPEM { cluster["certificate-authority-data"] = Data(ca).base64EncodedString() }
            spec["cluster"] = cluster
        }
        let request: [String: Any] = ["apiVersion": plugin.apiVersion, "kind": "ExecCredential", "spec": spec]
        let data = (try? JSONSerialization.data(withJSONObject: request, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// Runs the command (looked up in `PATH` unless it is a path) and returns its standard output.
    private static func launch(_ plugin: Kubeconfig.ExecPlugin, environment: [String: String]) -> Result<[UInt8], KubeError> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["--", plugin.command] + plugin.args
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        let output = Pipe()
        process.standardOutput = output
        do {
            try process.run()
        } catch {
            return .failure(KubeError("cannot run exec plugin \(plugin.command)"))
        }
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let hint = plugin.installHint.map { "\n\($0)" } ?? ""
            return .failure(KubeError("exec plugin \(plugin.command) failed (status \(process.terminationStatus))\(hint)"))
        }
        return .success(Array(data))
    }

    /// Reads the plugin's `ExecCredential`; the error messages never include its content.
    static func parse(_ output: [UInt8], plugin: Kubeconfig.ExecPlugin) throws(KubeError) -> Credential {
        let (documents, errors) = ManifestLoader.documents(output, file: "exec plugin output")
        guard errors.isEmpty, let root = documents.first, root["kind"]?.string == "ExecCredential" else {
            throw KubeError("exec plugin \(plugin.command) did not print an ExecCredential")
        }
        guard root["apiVersion"]?.string == plugin.apiVersion else {
            throw KubeError("exec plugin \(plugin.command) answered with apiVersion \"\(root["apiVersion"]?.string ?? "")\", "
                            + "not the configured \"\(plugin.apiVersion)\"")
        }
        let status = root["status"]
        let credential = Credential(token: status?["token"]?.string,
                                    clientCertificatePEM: status?["clientCertificateData"]?.string.map { Array($0.utf8) },
                                    clientKeyPEM: status?["clientKeyData"]?.string.map { Array($0.utf8) })
        guard credential.token != nil || (credential.clientCertificatePEM != nil && credential.clientKeyPEM != nil) else {
            throw KubeError("exec plugin \(plugin.command) returned neither a token nor a client certificate and key")
        }
        return credential
    }
}
