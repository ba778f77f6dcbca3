import AsyncHTTPClient
import Foundation
import Testing

/// Reviews whose object the decision cannot read are answered 400 over the wire, never allowed.
@Suite("Webhook server refuses unreadable reviews", .serialized)
struct MalformedReviewServerTests {
    /// `privilegedPodReview` with its object replaced by `object`.
    static func review(object: String) -> [UInt8] {
        let start = privilegedPodReview.range(of: #""object":"#)!
        return Array((privilegedPodReview[..<start.upperBound] + object + "}}").utf8)
    }

    @Test func unreadableObjectsAre400WithTheirReason() async throws {
        try await TestServer.with { server, ca in
            let client = try TestServer.client(trusting: ca)
            defer { _ = client.shutdown() }
            let cases = [
                ("null", "request.object is null, not an object"),
                (#""pod""#, "request.object is a string, not an object"),
                ("[]", "request.object is an array, not an object"),
                (#"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web"},"spec":5}"#, "request.object.spec is a number, not an object"),
                (#"{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{}}"#,
                 "request.object.kind does not match request.kind.kind"),
            ]
            for (object, reason) in cases {
                let (status, body) = try await server.send(client, body: Self.review(object: object))
                #expect(status == 400, "\(object)")
                #expect(body.contains(reason), "\(body)")
                #expect(!body.contains("allowed"))
            }
            let (status, body) = try await server.send(client, body: Array(privilegedPodReview.utf8))
            #expect(status == 200 && body.contains(#""allowed":false"#), "the server keeps judging readable reviews")
        }
    }
}
