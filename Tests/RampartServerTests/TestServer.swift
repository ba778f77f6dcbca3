import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL
import RampartAdmission
import RampartPolicy
import RampartServer
import Synchronization
import Testing

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
                     logBuffer: LogBuffer = LogBuffer(), adjust: (inout WebhookServer.Options) -> Void = { _ in },
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
        adjust(&options)
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
              contentType: String? = "application/json", timeout: TimeAmount = .seconds(10)) async throws -> (status: UInt, body: String) {
        var request = HTTPClientRequest(url: "https://localhost:\(port)\(path)")
        request.method = method
        if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await client.execute(request, timeout: timeout)
        let collected = try await response.body.collect(upTo: 1 << 20)
        return (response.status.code, String(buffer: collected))
    }
}

extension TestServer {
    /// A `POST /validate` whose body of `length` bytes comes from `chunks` as they are yielded.
    func review(streaming chunks: AsyncStream<ByteBuffer>, length: Int) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: "https://localhost:\(port)/validate")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .stream(chunks, length: .known(Int64(length)))
        return request
    }

    /// Runs `hostile` while a second client sends ordinary reviews one after another, each of which
    /// must be answered (200) within `patience`; returns how many were.
    @discardableResult
    func whileAnswering(ca: String, patience: Duration = .seconds(2), _ hostile: @Sendable () async throws -> Void) async throws -> Int {
        let other = try TestServer.client(trusting: ca)
        defer { _ = other.shutdown() }
        let done = Flag()
        return try await withThrowingTaskGroup(of: Int.self) { group in
            group.addTask {
                var answered = 0
                // A hostile part that throws cancels this task: stop then, or the loop spins forever.
                while !done.isSet && !Task.isCancelled {
                    let start = ContinuousClock.now
                    let status = try? await send(other, body: Array(privilegedPodReview.utf8), timeout: .seconds(5)).status
                    let waited = ContinuousClock.now - start
                    #expect(status == 200 && waited < patience, "the second client waited \(waited) for \(status.map(String.init) ?? "no answer")")
                    answered += 1
                    try? await Task.sleep(for: .milliseconds(50))
                }
                return answered
            }
            defer { done.set() }
            try await hostile()
            done.set()
            let answered = try await group.next() ?? 0
            #expect(answered > 0, "the second client was answered while the hostile request ran")
            return answered
        }
    }
}

/// A flag set once, read from any task.
final class Flag: Sendable {
    private let value = Atomic<Bool>(false)
    var isSet: Bool { value.load(ordering: .relaxed) }
    func set() { value.store(true, ordering: .relaxed) }
}
