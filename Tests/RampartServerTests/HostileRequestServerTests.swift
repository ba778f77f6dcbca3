import AsyncHTTPClient
import Foundation
import NIOCore
import RampartAdmission
import RampartServer
import Testing

/// Hostile requests against the real server on loopback, each while a second client must keep being
/// answered: work, answer and log bounded per request (issue 22, item 5), bodies bounded in memory
/// and in time (item 6).
@Suite("Webhook server under hostile requests", .serialized)
struct HostileRequestServerTests {
    /// A Pod review whose containers are the JSON items `containers`.
    static func review(containers: String) -> [UInt8] {
        MalformedReviewServerTests.review(object: #"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web"},"spec":{"containers":[\#(containers)]}}"#)
    }

    /// `count` copies of `item`, comma-separated.
    static func items(_ item: String, _ count: Int) -> String {
        Array(repeating: item, count: count).joined(separator: ",")
    }

    @Test func aMillionEmptyContainersAreRefusedAtTheValueLimit() async throws {
        try await TestServer.with { server, ca in
            let client = try TestServer.client(trusting: ca)
            defer { _ = client.shutdown() }
            let body = Self.review(containers: Self.items("{}", 1_000_000))
            try await server.whileAnswering(ca: ca) {
                let (status, answer) = try await server.send(client, body: body)
                #expect(status == 413)
                #expect(answer.contains("review too large: more than 100000 JSON values (the webhook's limit per review)"), "\(answer)")
            }
        }
    }

    @Test func manyFindingsAreSummarisedInTheAnswerAndTheLog() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rampart-log-\(UUID().uuidString)").path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        defer {
            close(descriptor)
            unlink(path)
        }
        let buffer = LogBuffer(descriptor: descriptor)
        // Three denying findings of its own: a literal credential, the `latest` tag, no limits.
        let container = #"{"name":"c","image":"nginx","env":[{"name":"DB_PASSWORD","value":"hunter2-secret-value"}]}"#
        try await TestServer.with(logLevel: "info", logBuffer: buffer) { server, ca in
            let client = try TestServer.client(trusting: ca)
            defer { _ = client.shutdown() }
            let (status, answer) = try await server.send(client, body: Self.review(containers: Self.items(container, 2_000)))
            #expect(status == 200 && answer.contains(#""allowed":false"#))
            #expect(answer.utf8.count < 16 << 10, "the answer names the first findings only (\(answer.utf8.count) bytes)")
            #expect(answer.contains("more denying findings not shown"))
        }
        buffer.flush()
        let log = try String(contentsOfFile: path, encoding: .utf8)
        let line = try #require(log.split(separator: "\n").first { $0.contains("admission decision") })
        #expect(line.utf8.count < 8 << 10, "the log line names the first findings only (\(line.utf8.count) bytes)")
        #expect(line.contains(#""findingCount":"#))
        #expect(line.contains(" more"))
    }

    @Test func heavyReviewsAreJudgedOffTheRequestThreads() async throws {
        try await TestServer.with { server, ca in
            // Two at once, from two clients: as many as the threads that run the requests' handlers here.
            let clients = try (TestServer.client(trusting: ca), TestServer.client(trusting: ca))
            defer {
                _ = clients.0.shutdown()
                _ = clients.1.shutdown()
            }
            let body = Self.review(containers: Self.items("{}", Self.heavyContainers))
            try await server.whileAnswering(ca: ca) {
                async let first = server.send(clients.0, body: body, timeout: .seconds(120))
                async let second = server.send(clients.1, body: body, timeout: .seconds(120))
                let statuses = try await [first.status, second.status]
                #expect(statuses == [200, 200])
            }
        }
    }

    /// The read timeout bounds a silent client, not the server's own work: a review read whole and
    /// judged for longer than the timeout is still answered (before, the connection was closed
    /// under the judgement and the client got a reset, which hung CI on a loaded machine).
    @Test func aJudgementLongerThanTheReadTimeoutIsStillAnswered() async throws {
        let readTimeout = Duration.milliseconds(200)
        try await TestServer.with(readTimeout: readTimeout) { server, ca in
            let client = try TestServer.client(trusting: ca)
            defer { _ = client.shutdown() }
            let start = ContinuousClock.now
            let answer = try await server.send(client, body: Self.review(containers: Self.items("{}", Self.heavyContainers)),
                                               timeout: .seconds(120))
            let took = ContinuousClock.now - start
            #expect(took > readTimeout, "the review must take longer than the timeout to prove anything (took \(took))")
            #expect(answer.status == 200)
            #expect(answer.body.contains("\"response\""))
        }
    }

    /// Empty containers in a review that is legal but takes seconds to judge in a debug build.
    static let heavyContainers = 60_000

    @Test func bodiesPastTheMemoryBudgetAreRefusedWith503() async throws {
        try await TestServer.with(adjust: { $0.bodyMemoryBudget = 4 << 20 }) { server, ca in
            let client = try TestServer.client(trusting: ca)
            defer { _ = client.shutdown() }
            let (stalled, holding) = AsyncStream<ByteBuffer>.makeStream()
            let request = server.review(streaming: stalled, length: 3 << 20)
            holding.yield(ByteBuffer(repeating: UInt8(ascii: " "), count: 64 << 10))
            let holder = Task { try? await client.execute(request, timeout: .seconds(30)) }
            defer {
                holding.finish()
                holder.cancel()
            }
            try await Task.sleep(for: .milliseconds(300))
            try await server.whileAnswering(ca: ca) {
                let (second, refused) = AsyncStream<ByteBuffer>.makeStream()
                let request = server.review(streaming: second, length: 3 << 20)
                refused.yield(ByteBuffer(repeating: UInt8(ascii: " "), count: 64 << 10))
                defer { refused.finish() }
                let response = try await client.execute(request, timeout: .seconds(5))
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers["Retry-After"] == ["1"])
                let reason = String(buffer: try await response.body.collect(upTo: 1 << 16))
                #expect(reason.contains("the server's 4194304-byte memory budget"), "\(reason)")
            }
        }
    }

    @Test func aBodyTrickledAByteAtATimeIsTimedOut() async throws {
        try await TestServer.with(adjust: { $0.bodyTimeout = .seconds(1) }) { server, ca in
            let client = try TestServer.client(trusting: ca)
            defer { _ = client.shutdown() }
            try await server.whileAnswering(ca: ca) {
                let (trickle, bytes) = AsyncStream<ByteBuffer>.makeStream()
                let request = server.review(streaming: trickle, length: 1000)
                let feeder = Task {
                    for _ in 0..<1000 where !Task.isCancelled {
                        bytes.yield(ByteBuffer(string: " "))
                        try? await Task.sleep(for: .milliseconds(100))
                    }
                }
                defer {
                    feeder.cancel()
                    bytes.finish()
                }
                let start = ContinuousClock.now
                let response = try await client.execute(request, timeout: .seconds(10))
                #expect(response.status == .requestTimeout)
                #expect(ContinuousClock.now - start < .seconds(5))
                let reason = String(buffer: try await response.body.collect(upTo: 1 << 16))
                #expect(reason.contains("the server's body timeout"), "\(reason)")
            }
        }
    }
}
