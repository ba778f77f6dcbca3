import Foundation
import RampartAdmission
import RampartPolicy
import Testing

/// A review whose object the decision cannot read is refused (400), never allowed unjudged; the
/// requests that are skipped without reading the object stay skipped (issue 22, item 7).
@Suite("Reviews the decision cannot read are refused")
struct MalformedReviewTests {
    static let pod = Reviews.pod([Reviews.privilegedContainer])

    /// The reason decoding refuses `body` with, or nil when it decodes.
    func refusal(_ body: String) -> String? {
        do {
            _ = try AdmissionReview.decode(Array(body.utf8))
            return nil
        } catch {
            return error.reason
        }
    }

    /// The decision on `body`, which must decode.
    func decide(_ body: String) throws -> AdmissionDecision {
        try AdmissionController(config: WebhookConfig()).decide(AdmissionReview.decode(Array(body.utf8)).request, today: "2025-06-01")
    }

    static let cases: [(object: String?, kind: String, group: String, reason: String)] = [
        (nil, "Pod", "", "request.object is null, not an object"),
        (#""a pod""#, "Pod", "", "request.object is a string, not an object"),
        ("[\(pod)]", "Pod", "", "request.object is an array, not an object"),
        ("5", "Pod", "", "request.object is a number, not an object"),
        (#"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web"},"spec":5}"#, "Pod", "", "request.object.spec is a number, not an object"),
        (#"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web"},"spec":[]}"#, "Pod", "", "request.object.spec is an array, not an object"),
        (#"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web"}}"#, "Pod", "", "request.object.spec is missing"),
        (#"{"apiVersion":"v1","kind":"Pod","metadata":"web","spec":{}}"#, "Pod", "", "request.object.metadata is a string, not an object"),
        (#"{"apiVersion":"v1","kind":"Pod","metadata":null,"spec":{}}"#, "Pod", "", "request.object.metadata is null, not an object"),
        (#"{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":true}"#, "Deployment", "apps",
         "request.object.spec is a boolean, not an object"),
        (#"{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"Role","metadata":{"name":"r"},"rules":{}}"#, "Role",
         "rbac.authorization.k8s.io", "request.object.rules is an object, not an array"),
        // The object is not what the request says it is.
        (#"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"web"}}"#, "Pod", "", "request.object.kind does not match request.kind.kind"),
        (#"{"apiVersion":"v1","metadata":{"name":"web"},"spec":{}}"#, "Pod", "", "request.object.kind does not match request.kind.kind"),
        (#"{"apiVersion":"apps/v1","kind":"Pod","metadata":{"name":"web"},"spec":{}}"#, "Pod", "",
         "request.object.apiVersion does not match request.kind's group and version"),
        (#"{"apiVersion":"v2","kind":"Pod","metadata":{"name":"web"},"spec":{}}"#, "Pod", "",
         "request.object.apiVersion does not match request.kind's group and version"),
    ]

    @Test(arguments: cases.indices)
    func createOfAnUnreadableObjectIsRefusedSayingWhy(_ index: Int) {
        let (object, kind, group, reason) = Self.cases[index]
        let resource = kind.lowercased() + "s"
        #expect(refusal(Reviews.review(object, kind: kind, group: group, resource: resource))
            == "not an AdmissionReview: " + reason)
    }

    @Test func updateNeedsAReadableOldObject() {
        #expect(refusal(Reviews.review(Self.pod, oldObject: #""old""#, operation: "UPDATE"))
            == "not an AdmissionReview: request.oldObject is a string, not an object")
        #expect(refusal(Reviews.review(Self.pod, oldObject: nil, operation: "UPDATE"))
            == "not an AdmissionReview: request.oldObject is null, not an object")
        #expect(refusal(Reviews.review("5", oldObject: Self.pod, subResource: "ephemeralcontainers", operation: "UPDATE"))
            == "not an AdmissionReview: request.object is a number, not an object")
    }

    @Test func requestsSkippedWithoutReadingTheObjectStaySkipped() throws {
        let deleted = try decide(Reviews.review(nil, oldObject: Self.pod, operation: "DELETE"))
        #expect(deleted.skipped == "operation DELETE" && deleted.response.allowed)
        let connect = try decide(Reviews.review(#"{"kind":"PodExecOptions","apiVersion":"v1","command":["sh"]}"#,
                                                subResource: "exec", operation: "CONNECT"))
        #expect(connect.skipped == "operation CONNECT" && connect.response.allowed)
        let status = try decide(Reviews.review("5", oldObject: Self.pod, subResource: "status", operation: "UPDATE"))
        #expect(status.skipped == "subresource status" && status.response.allowed)
        let dryRun = try decide(Reviews.review(Self.pod, dryRun: true))
        #expect(!dryRun.response.allowed, "a readable object is still judged")
    }

    @Test func membersOfUnknownKindsAreNotChecked() throws {
        let widget = #"{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},"spec":5}"#
        let decision = try decide(Reviews.review(widget, kind: "Widget", group: "example.com", resource: "widgets"))
        #expect(decision.skipped == "kind not judged" && decision.response.allowed)
    }
}
