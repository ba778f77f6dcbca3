import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL
import RampartAdmission
import RampartPolicy
import RampartServer

/// A webhook served over HTTPS on an ephemeral loopback port, with certificates in a temporary directory.
struct TestServer {
    let server: WebhookServer
    let port: Int
    let directory: URL

    /// Writes a fresh CA and serving certificate for localhost into `directory`; returns the CA's PEM.
    @discardableResult
    static func writeCertificates(to directory: URL) throws -> String {
        let certificates = try ServingCertificates.make(dnsNames: ["localhost"])
        try Data(certificates.certificatePEM.utf8).write(to: directory.appendingPathComponent("tls.crt"))
        try Data(certificates.privateKeyPEM.utf8).write(to: directory.appendingPathComponent("tls.key"))
        return certificates.caCertificatePEM
    }

    /// Runs `body` against a served webhook; `ca` is the PEM of the CA that signed its first certificate.
    static func with(config: WebhookConfig = WebhookConfig(), reloadInterval: Duration = .seconds(60),
                     readTimeout: Duration = .seconds(15), logLevel: String = "critical",
                     logBuffer: LogBuffer = LogBuffer(),
                     _ body: @Sendable (TestServer, _ ca: String) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rampart-webhook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let ca = try writeCertificates(to: directory)
        var options = WebhookServer.Options(certificatePath: directory.appendingPathComponent("tls.crt").path,
                                            keyPath: directory.appendingPathComponent("tls.key").path)
        options.host = "127.0.0.1"
        options.port = 0
        options.reloadInterval = reloadInterval
        options.readTimeout = readTimeout
        options.logLevel = logLevel
        let server = try WebhookServer(options: options, controller: AdmissionController(config: config), logBuffer: logBuffer)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let application = server.application { continuation.yield($0) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await application.run() }
            group.addTask { await server.watchCertificates() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { return }
            defer { group.cancelAll() }
            try await body(TestServer(server: server, port: port, directory: directory), ca)
        }
    }

    /// An HTTPS client that trusts only `ca`.
    static func client(trusting ca: String) throws -> HTTPClient {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(Array(ca.utf8)))
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: HTTPClient.Configuration(tlsConfiguration: tls))
    }

    /// Sends `body` to `path`; returns the status and the response body.
    func send(_ client: HTTPClient, path: String = "/validate", method: HTTPMethod = .POST, body: [UInt8]? = nil,
              contentType: String? = "application/json") async throws -> (status: UInt, body: String) {
        var request = HTTPClientRequest(url: "https://localhost:\(port)\(path)")
        request.method = method
        if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await client.execute(request, timeout: .seconds(10))
        let collected = try await response.body.collect(upTo: 1 << 20)
        return (response.status.code, String(buffer: collected))
    }
}
