import Foundation
import Hummingbird
import NIOCore
import NIOPosix
import Logging
import RampartAdmission
import RampartModel
import Synchronization

/// `POST /validate`: checks the request's shape, reads the body within its size limit, the server's
/// memory budget for bodies and the body timeout (the channel's read timeout bounds stalls), asks the
/// pure `AdmissionController`, counts, logs, and answers. Every early exit returns its response at
/// once; nothing carries on after an error. Large bodies are judged on a thread of the thread pool,
/// so the event loops keep answering other clients while they are.
struct ValidateEndpoint: Sendable {
    /// Largest body accepted (the API server's own limit on request objects is 3 MiB).
    static let bodyLimit = 3 << 20
    /// Bodies at least this large are decoded and judged off the event loops (a 5 KB Pod review is
    /// judged in about a tenth of a millisecond; hopping threads would cost it a quarter more CPU).
    /// The largest body judged on an event loop holds at most about 5,000 `{}` containers: 0.5 s of
    /// rules in a debug build (measured: 100 µs a container), a fraction of that in a release build.
    static let offloadThreshold = 16 << 10

    let controller: AdmissionController
    let metrics: WebhookMetrics
    let logger: Logger
    let budget: BodyBudget
    /// Longest time from the request's head to the end of its body.
    let bodyTimeout: Duration

    func respond(to request: Request, context: WebhookRequestContext) async -> Response {
        let start = ContinuousClock.now
        let (response, outcome) = await answer(request, context: context, start: start)
        metrics.request(outcome: outcome, duration: ContinuousClock.now - start)
        return response
    }

    private func answer(_ request: Request, context: WebhookRequestContext, start: ContinuousClock.Instant) async -> (Response, String) {
        guard let contentType = request.headers[.contentType], Self.isJSON(contentType) else {
            return reject(.badRequest, "Content-Type must be application/json", outcome: "bad_request")
        }
        let declared = request.headers[.contentLength].flatMap { Int($0) }
        if let declared, declared > Self.bodyLimit { return refuseAsTooLarge(context) }
        var reserved = 0
        defer { budget.release(reserved) }
        if let declared {
            guard budget.reserve(declared) else { return refuseForBudget(context) }
            reserved = declared
        }
        var body = ByteBuffer()
        do {
            for try await chunk in request.body {
                let size = body.readableBytes + chunk.readableBytes
                guard size <= Self.bodyLimit else { return refuseAsTooLarge(context) }
                if size > reserved {
                    guard budget.reserve(size - reserved) else { return refuseForBudget(context) }
                    reserved = size
                }
                guard ContinuousClock.now - start <= bodyTimeout else {
                    context.closeAfterResponse()
                    return reject(.requestTimeout, "body not received within \(bodyTimeout) (the server's body timeout)",
                                  outcome: "timeout")
                }
                if body.readableBytes == 0 { body = chunk } else { body.writeImmutableBuffer(chunk) }
            }
        } catch {
            return reject(.badRequest, "cannot read the body", outcome: "bad_request")
        }
        guard body.readableBytes >= Self.offloadThreshold else { return judge(body) }
        do {
            return try await NIOThreadPool.singleton.runIfActive { [self, body] in
                defer { Self.returnFreedMemory() }
                return judge(body)
            }
        } catch {
            return reject(.serviceUnavailable, "the server is shutting down", outcome: "unavailable")
        }
    }

    /// Hands the memory freed by a large review back to the system: glibc's malloc kept it (a review
    /// of 30,000 containers left the server 60 MB larger). `malloc_trim` is looked up at run time:
    /// Swift's Glibc module does not declare it, and other allocators (jemalloc) have none.
    private static func returnFreedMemory() {
        guard let trim = dlsym(nil, "malloc_trim") else { return }
        _ = unsafeBitCast(trim, to: (@convention(c) (Int) -> Int32).self)(0)
    }

    /// Decodes the review in `body`, decides, counts, logs, and encodes the answer.
    private func judge(_ body: ByteBuffer) -> (Response, String) {
        let review: (apiVersion: String, request: AdmissionRequest)
        switch body.withUnsafeReadableBytes({ bytes in Result { () throws(AdmissionReviewError) in try AdmissionReview.decode(bytes) } }) {
        case .success(let decoded): review = decoded
        case .failure(.tooLarge(let reason)): return reject(.contentTooLarge, AdmissionReviewError.tooLarge(reason).reason, outcome: "too_large")
        case .failure(let error): return reject(.badRequest, error.reason, outcome: "bad_request")
        }
        let decision = controller.decide(review.request, today: Self.today())
        metrics.findings(decision)
        log(decision, review.request)
        let json = AdmissionReview.encode(decision.response, apiVersion: review.apiVersion)
        return (Response(status: .ok, headers: [.contentType: "application/json"],
                         body: ResponseBody(byteBuffer: ByteBuffer(bytes: json))), decision.outcome)
    }

    /// 413 for a body past `bodyLimit`; the connection closes after the answer, so the rest of the
    /// body (endless, for all the server knows) is not read.
    private func refuseAsTooLarge(_ context: WebhookRequestContext) -> (Response, String) {
        context.closeAfterResponse()
        return reject(.contentTooLarge, "body larger than \(Self.bodyLimit) bytes", outcome: "too_large")
    }

    /// 503 when the bodies the server already holds leave no room for this one: the client retries
    /// (the API server applies the webhook's failure policy). The connection closes after the answer,
    /// so the rest of the body is not read.
    private func refuseForBudget(_ context: WebhookRequestContext) -> (Response, String) {
        context.closeAfterResponse()
        var (response, outcome) = reject(
            .serviceUnavailable, "request bodies in flight would pass the server's \(budget.limit)-byte memory budget; retry later",
            outcome: "over_budget")
        response.headers[.retryAfter] = "1"
        return (response, outcome)
    }

    /// True for `application/json`, in any case, with or without parameters (`; charset=utf-8`).
    static func isJSON(_ contentType: String) -> Bool {
        contentType == "application/json" || contentType.split(separator: ";").first?
            .trimmingCharacters(in: .whitespaces).lowercased() == "application/json"
    }

    /// A JSON error body `{"error": reason}` with `status`.
    private func reject(_ status: HTTPResponse.Status, _ reason: String, outcome: String) -> (Response, String) {
        logger.warning("rejected admission request", metadata: ["status": "\(status.code)", "reason": "\(reason)"])
        var json = JSONWriter()
        json.object { json in json.field("error", reason) }
        return (Response(status: status, headers: [.contentType: "application/json"],
                         body: ResponseBody(byteBuffer: ByteBuffer(bytes: json.bytes))), outcome)
    }

    /// One log line per judged request with findings, at info; others at debug. Identity, rule IDs
    /// and fields only: never the object's content. Each value is cut like a warning and at most
    /// `AdmissionController.maximumListedFindings` findings are named, so a line stays a few kilobytes.
    private func log(_ decision: AdmissionDecision, _ request: AdmissionRequest) {
        let level: Logger.Level = decision.findings.isEmpty ? .debug : .info
        guard logger.logLevel <= level else { return }
        func field(_ text: String) -> Logger.MetadataValue {
            .string(AdmissionController.clipped(text, to: AdmissionController.maximumWarningLength))
        }
        var metadata: Logger.Metadata = [
            "uid": field(request.uid), "operation": .string(request.operation.rawValue), "kind": field(request.kind),
            "namespace": field(request.namespace ?? ""), "name": field(request.name ?? ""),
            "user": field(request.userInfo.username), "dryRun": .stringConvertible(request.dryRun),
            "outcome": .string(decision.outcome),
        ]
        if let mode = decision.mode { metadata["mode"] = .string(mode.rawValue) }
        if let skipped = decision.skipped { metadata["skipped"] = .string(skipped) }
        if let subresource = request.subResource { metadata["subresource"] = field(subresource) }
        if !decision.findings.isEmpty {
            metadata["findings"] = .string(Self.summary(of: decision.findings))
            metadata["findingCount"] = .stringConvertible(decision.findings.count)
        }
        logger.log(level: level, "admission decision", metadata: metadata)
    }

    /// `rule@field=effect` for each of the first `AdmissionController.maximumListedFindings` findings,
    /// space-separated, then how many more there are (`findingCount` gives them all).
    static func summary(of findings: [AdmissionDecision.Judged]) -> String {
        var text = TextBuffer(capacity: 128)
        for judged in findings.prefix(AdmissionController.maximumListedFindings) {
            if !text.isEmpty { text.append(ascii: " ") }
            text.append(judged.finding.ruleId)
            text.append(ascii: "@")
            text.append(AdmissionController.clipped(judged.finding.path, to: AdmissionController.maximumWarningLength))
            text.append(ascii: "=")
            text.append(judged.effect.rawValue)
        }
        if findings.count > AdmissionController.maximumListedFindings {
            text.append(" and \(findings.count - AdmissionController.maximumListedFindings) more")
        }
        return text.text
    }

    /// Today's date in UTC, `YYYY-MM-DD`, for exception expiry; formatted once a day.
    static func today() -> String {
        let now = time(nil)
        let day = Int(now) / 86_400
        if let cached = todayCache.withLock({ $0.day == day ? $0.text : nil }) { return cached }
        let text = UTCDate.day(secondsSinceEpoch: Int(now))
        todayCache.withLock { $0 = (day, text) }
        return text
    }

    /// The day number (days since 1970 in UTC) and its date, last formatted.
    private static let todayCache = Mutex<(day: Int, text: String)>((-1, ""))
}
