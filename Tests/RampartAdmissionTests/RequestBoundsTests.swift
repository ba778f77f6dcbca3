import Foundation
import RampartAdmission
import RampartPolicy
import Testing

/// One review's work, memory and answer are bounded: the tree stops at a number of values, and a
/// denial names its first findings and counts the rest (issue 22, item 5).
@Suite("Bounds on one admission request")
struct RequestBoundsTests {
    /// A Pod review of `count` copies of `container`.
    static func review(containers count: Int, _ container: String) -> [UInt8] {
        Array(Reviews.review(Reviews.pod(Array(repeating: container, count: count))).utf8)
    }

    /// A container denied by three findings of its own: a literal credential, the `latest` tag, no limits.
    static let deniedContainer = #"{"name":"c","image":"nginx","env":[{"name":"DB_PASSWORD","value":"hunter2-secret-value"}]}"#

    @Test func aMillionEmptyContainersStopAtTheValueLimitNamingIt() throws {
        let body = Self.review(containers: 1_000_000, "{}")
        #expect(body.count < 3 << 20, "within the API server's 3 MiB limit on request bodies")
        let start = ContinuousClock.now
        #expect {
            try AdmissionReview.decode(body)
        } throws: { error in
            guard case .tooLarge(let reason) = error as? AdmissionReviewError else { return false }
            return reason.contains("more than 100000 JSON values (the webhook's limit per review)")
        }
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    @Test func reviewsJustUnderTheLimitStillDecode() throws {
        // Three values a container (the object, its name and its image): 99,000 and the review around them.
        let body = Self.review(containers: 33_000, #"{"name":"c","image":"nginx:1.27"}"#)
        #expect(try AdmissionReview.decode(body).request.kind == "Pod")
    }

    @Test func aDenialNamesItsFirstFindingsAndCountsTheRest() throws {
        let review = try AdmissionReview.decode(Self.review(containers: 500, Self.deniedContainer))
        let decision = AdmissionController(config: WebhookConfig()).decide(review.request, today: "2025-06-01")
        let message = try #require(decision.response.message)
        let denials = decision.findings.filter { $0.effect == .deny }.count
        #expect(denials >= 1_500, "three denying findings a container")
        let listed = message.components(separatedBy: "; ").dropLast().count
        #expect(listed == AdmissionController.maximumListedFindings)
        #expect(message.hasSuffix("and \(denials - AdmissionController.maximumListedFindings) more denying findings not shown (\(denials) in all)"))
        #expect(AdmissionReview.encode(decision.response).count < 16 << 10, "the answer stays a few kilobytes")
    }
}
