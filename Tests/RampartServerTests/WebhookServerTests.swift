import AsyncHTTPClient
import Foundation
import HummingbirdTesting
import NIOCore
import RampartAdmission
import RampartPolicy
import RampartServer
import Testing

/// A Pod AdmissionReview with a privileged container in namespace team-a.
let privilegedPodReview = """
    {"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"0b4a7c52-1111-4a4a-9c9c-000000000042",
     "kind":{"group":"","version":"v1","kind":"Pod"},"resource":{"group":"","version":"v1","resource":"pods"},
     "namespace":"team-a","name":"web","operation":"CREATE","userInfo":{"username":"alice","groups":["system:authenticated"]},
     "object":{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web"},
               "spec":{"containers":[{"name":"app","image":"nginx:1.27","securityContext":{"privileged":true}}]}}}}
    """

@Suite("Webhook server over HTTPS", .serialized)
struct WebhookServerTests {
    @Test func validatesOverTLSAndServesHealthAndMetrics() async throws {
        try await TestServer.with { server, ca in
            let client = try TestServer.client(trusting: ca)
            defer { _ = client.shutdown() }
            let (status, body) = try await server.send(client, body: Array(privilegedPodReview.utf8))
            #expect(status == 200)
            #expect(body.contains(#""uid":"0b4a7c52-1111-4a4a-9c9c-000000000042","allowed":false"#))
            #expect(body.contains("pss.privileged at spec.containers[0].securityContext.privileged"))
            #expect(try await server.send(client, path: "/healthz", method: .GET, contentType: nil) == (200, "ok"))
            #expect(try await server.send(client, path: "/readyz", method: .GET, contentType: nil).status == 200)
            let metrics = try await server.send(client, path: "/metrics", method: .GET, contentType: nil).body
            #expect(metrics.contains(#"rampart_webhook_requests_total{outcome="denied"} 1"#))
            #expect(metrics.contains(#"rampart_webhook_findings_total{rule="pss.privileged",effect="deny"} 1"#))
            #expect(metrics.contains("rampart_webhook_request_duration_seconds_bucket"))
        }
    }

    @Test func rejectsWrongContentTypeMalformedAndOversizedBodies() async throws {
        try await TestServer.with { server, ca in
            let client = try TestServer.client(trusting: ca)
            defer { _ = client.shutdown() }
            let wrongType = try await server.send(client, body: Array(privilegedPodReview.utf8), contentType: "text/plain")
            #expect(wrongType.status == 400 && wrongType.body.contains("Content-Type must be application/json"))
            let malformed = try await server.send(client, body: Array(#"{"apiVersion": "#.utf8))
            #expect(malformed.status == 400 && malformed.body.contains("malformed JSON"))
            let notReview = try await server.send(client, body: Array(#"{"kind":"Pod"}"#.utf8))
            #expect(notReview.status == 400 && notReview.body.contains("not an AdmissionReview"))
            let oversized = try await server.send(client, body: Array(repeating: UInt8(ascii: " "), count: 3 << 20 + 1))
            #expect(oversized.status == 413)
            let after = try await server.send(client, body: Array(privilegedPodReview.utf8))
            #expect(after.status == 200, "the server keeps serving")
        }
    }

    @Test func closesConnectionsWhoseBodyStalls() async throws {
        try await TestServer.with(readTimeout: .milliseconds(300)) { server, ca in
            let client = try TestServer.client(trusting: ca)
            defer { _ = client.shutdown() }
            let (stalled, continuation) = AsyncStream<ByteBuffer>.makeStream()
            continuation.yield(ByteBuffer(string: "{\"apiVersion\":"))
            let request = server.review(streaming: stalled, length: 1000)
            let start = ContinuousClock.now
            await #expect(throws: (any Error).self) { try await client.execute(request, timeout: .seconds(10)) }
            #expect(ContinuousClock.now - start < .seconds(5))
            continuation.finish()
        }
    }

    @Test func reloadsRotatedCertificateWithoutDroppingConnections() async throws {
        try await TestServer.with(reloadInterval: .milliseconds(100)) { server, firstCA in
            let oldClient = try TestServer.client(trusting: firstCA)
            defer { _ = oldClient.shutdown() }
            #expect(try await server.send(oldClient, path: "/healthz", method: .GET, contentType: nil).status == 200)
            let secondCA = try TestServer.writeCertificates(to: server.directory)
            let newClient = try TestServer.client(trusting: secondCA)
            defer { _ = newClient.shutdown() }
            var served = false
            for _ in 0..<50 where !served {
                try await Task.sleep(for: .milliseconds(100))
                served = (try? await server.send(newClient, path: "/healthz", method: .GET, contentType: nil).status) == 200
            }
            #expect(served, "new connections get the rotated certificate")
            // The old client trusts only the first CA: it can only succeed on its kept-alive connection.
            #expect(try await server.send(oldClient, path: "/healthz", method: .GET, contentType: nil).status == 200)
        }
    }

    @Test func routerAnswersInProcess() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rampart-router-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try TestServer.writeCertificates(to: directory)
        var options = WebhookServer.Options(certificatePath: directory.appendingPathComponent("tls.crt").path,
                                            keyPath: directory.appendingPathComponent("tls.key").path)
        options.logLevel = "critical"
        let server = try WebhookServer(options: options, controller: AdmissionController(config: WebhookConfig()))
        try await server.application().test(.router) { client in
            try await client.execute(uri: "/validate", method: .post, headers: [.contentType: "application/json"],
                                     body: ByteBuffer(string: privilegedPodReview)) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains(#""allowed":false"#))
            }
            try await client.execute(uri: "/validate", method: .post, headers: [.contentType: "application/json"],
                                     body: ByteBuffer(string: "[1, 2")) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test func certificateStoreKeepsServingWhenRotationIsHalfWritten() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rampart-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try TestServer.writeCertificates(to: directory)
        let store = try CertificateStore(certificatePath: directory.appendingPathComponent("tls.crt").path,
                                         keyPath: directory.appendingPathComponent("tls.key").path)
        #expect(try store.reloadIfChanged() == false)
        let other = try ServingCertificates.make(dnsNames: ["localhost"])
        try Data(other.certificatePEM.utf8).write(to: directory.appendingPathComponent("tls.crt"))
        #expect(throws: CertificateStore.LoadError.self) { try store.reloadIfChanged() }
        try Data(other.privateKeyPEM.utf8).write(to: directory.appendingPathComponent("tls.key"))
        #expect(try store.reloadIfChanged() == true)
    }

    @Test func logsAndAnswersNameRulesButNeverTheObjectsContent() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rampart-log-\(UUID().uuidString)").path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        #expect(descriptor >= 0)
        defer {
            close(descriptor)
            unlink(path)
        }
        let canary = "canary-Zq8wX2vR4tY6uI0p"
        let review = privilegedPodReview.replacingOccurrences(
            of: #""securityContext":{"privileged":true}"#,
            with: #""securityContext":{"privileged":true},"env":[{"name":"DB_PASSWORD","value":"\#(canary)"}]"#)
        #expect(review.contains(canary))
        let buffer = LogBuffer(descriptor: descriptor)
        try await TestServer.with(logLevel: "info", logBuffer: buffer) { server, ca in
            let client = try TestServer.client(trusting: ca)
            defer { _ = client.shutdown() }
            let answer = try await server.send(client, body: Array(review.utf8))
            #expect(answer.status == 200)
            #expect(answer.body.contains("secrets.literal-in-env at spec.containers[0].env[0].value"))
            #expect(!answer.body.contains(canary), "nor does the answer the API server shows the client")
        }
        buffer.flush()
        let log = try String(contentsOfFile: path, encoding: .utf8)
        let decision = try #require(log.split(separator: "\n").first { $0.contains("admission decision") })
        #expect(decision.contains(#""uid":"0b4a7c52-1111-4a4a-9c9c-000000000042""#))
        #expect(decision.contains(#""outcome":"denied""#))
        #expect(decision.contains("pss.privileged@spec.containers[0].securityContext.privileged=deny"))
        #expect(decision.contains("secrets.literal-in-env"))
        #expect(!log.contains(canary))
    }
}
