import AsyncHTTPClient
import Foundation
import NIOCore
import RampartAdmission
import RampartPolicy
import RampartServer
import Testing

/// Graceful shutdown as Kubernetes expects (issue 22, item 8): the listener closes at once, the
/// request in progress is answered with `Connection: close` (so the client sends nothing more on that
/// connection), so is a request sent on an idle keep-alive connection just after the signal, and the
/// server returns as soon as its connections are done. The shutdown signal here
/// is SIGUSR2, raised in this process; the command uses SIGTERM and SIGINT the same way.
@Suite("Webhook server drains on its shutdown signal", .serialized)
struct DrainServerTests {
    @Test func answersTheRequestInProgressWithConnectionCloseAndStopsAccepting() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rampart-drain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let ca = try TestServer.writeCertificates(to: directory)
        var options = WebhookServer.Options(certificatePath: directory.appendingPathComponent("tls.crt").path,
                                            keyPath: directory.appendingPathComponent("tls.key").path)
        options.host = "127.0.0.1"
        options.port = 0
        options.logLevel = "critical"
        let webhook = try WebhookServer(options: options, controller: AdmissionController(config: WebhookConfig()))
        let (ports, running) = AsyncStream<Int>.makeStream()
        let application = webhook.application { running.yield($0) }
        let serving = Task { try await application.runService(gracefulShutdownSignals: [.sigusr2]) }
        defer { serving.cancel() }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        let server = TestServer(server: webhook, port: port, directory: directory)
        let client = try TestServer.client(trusting: ca)
        defer { _ = client.shutdown() }
        // A keep-alive connection left idle, whose client sends again just after the signal.
        let idle = try TestServer.client(trusting: ca)
        defer { _ = idle.shutdown() }
        #expect(try await server.send(idle, body: Array(privilegedPodReview.utf8)).status == 200)

        let review = Array(privilegedPodReview.utf8)
        let (body, sending) = AsyncStream<ByteBuffer>.makeStream()
        sending.yield(ByteBuffer(bytes: review.prefix(100)))
        async let inProgress = client.execute(server.review(streaming: body, length: review.count), timeout: .seconds(10))
        try await Task.sleep(for: .milliseconds(300))
        kill(getpid(), SIGUSR2)
        try await Task.sleep(for: .milliseconds(80))
        var again = HTTPClientRequest(url: "https://localhost:\(port)/validate")
        again.method = .POST
        again.headers.add(name: "Content-Type", value: "application/json")
        again.body = .bytes(ByteBuffer(bytes: Array(privilegedPodReview.utf8)))
        let late = try await idle.execute(again, timeout: .seconds(5))
        #expect(late.status == .ok, "a request on an idle connection just after the signal is answered")
        #expect(late.headers["connection"].map { $0.lowercased() } == ["close"])
        try await Task.sleep(for: .milliseconds(300))

        let newcomer = try TestServer.client(trusting: ca)
        defer { _ = newcomer.shutdown() }
        await #expect(throws: (any Error).self, "no new connection once draining") {
            try await server.send(newcomer, path: "/healthz", method: .GET, contentType: nil, timeout: .seconds(2))
        }

        sending.yield(ByteBuffer(bytes: review.dropFirst(100)))
        sending.finish()
        let response = try await inProgress
        let answered = ContinuousClock.now
        #expect(response.status == .ok)
        #expect(response.headers["connection"].map { $0.lowercased() } == ["close"])
        #expect(String(buffer: try await response.body.collect(upTo: 1 << 16)).contains(#""allowed":false"#))
        try await serving.value
        // Its connections close at once (TLS: within 0.5 s without the client's close_notify; NIOSSL's default was 5 s).
        #expect(ContinuousClock.now - answered < .seconds(2), "the server returns once its last request is answered")
    }
}
