import Foundation
import Hummingbird
import NIOCore
import Logging
import RampartAdmission
import RampartModel
import Synchronization

/// `POST /validate`: checks the request's shape, reads the body within its size limit (the channel's
/// read timeout bounds its time),
/// asks the pure `AdmissionController`, counts, logs, and answers. Every early exit returns its
/// response at once; nothing carries on after an error.
struct ValidateEndpoint: Sendable {
    /// Largest body accepted (the API server's own limit on request objects is 3 MiB).
    static let bodyLimit = 3 << 20

    let controller: AdmissionController
    let metrics: WebhookMetrics
    let logger: Logger

    func respond(to request: Request) async -> Response {
        let start = ContinuousClock.now
        let (response, outcome) = await answer(request)
        metrics.request(outcome: outcome, duration: ContinuousClock.now - start)
        return response
    }

    private func answer(_ request: Request) async -> (Response, String) {
        guard let contentType = request.headers[.contentType], Self.isJSON(contentType) else {
            return reject(.badRequest, "Content-Type must be application/json", outcome: "bad_request")
        }
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > Self.bodyLimit {
            return reject(.contentTooLarge, "body larger than \(Self.bodyLimit) bytes", outcome: "too_large")
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: Self.bodyLimit)
        } catch is NIOTooManyBytesError {
            return reject(.contentTooLarge, "body larger than \(Self.bodyLimit) bytes", outcome: "too_large")
        } catch {
            return reject(.badRequest, "cannot read the body", outcome: "bad_request")
        }
        let review: (apiVersion: String, request: AdmissionRequest)
        switch body.withUnsafeReadableBytes({ bytes in Result { () throws(AdmissionReviewError) in try AdmissionReview.decode(bytes) } }) {
        case .success(let decoded): review = decoded
        case .failure(let error): return reject(.badRequest, error.reason, outcome: "bad_request")
        }
        let decision = controller.decide(review.request, today: Self.today())
        metrics.findings(decision)
        log(decision, review.request)
        let json = AdmissionReview.encode(decision.response, apiVersion: review.apiVersion)
        return (Response(status: .ok, headers: [.contentType: "application/json"],
                         body: ResponseBody(byteBuffer: ByteBuffer(bytes: json))), decision.outcome)
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
    /// and fields only: never the object's content.
    private func log(_ decision: AdmissionDecision, _ request: AdmissionRequest) {
        let level: Logger.Level = decision.findings.isEmpty ? .debug : .info
        guard logger.logLevel <= level else { return }
        var metadata: Logger.Metadata = [
            "uid": .string(request.uid), "operation": .string(request.operation.rawValue), "kind": .string(request.kind),
            "namespace": .string(request.namespace ?? ""), "name": .string(request.name ?? ""),
            "user": .string(request.userInfo.username), "dryRun": .stringConvertible(request.dryRun),
            "outcome": .string(decision.outcome),
        ]
        if let mode = decision.mode { metadata["mode"] = .string(mode.rawValue) }
        if let skipped = decision.skipped { metadata["skipped"] = .string(skipped) }
        if let subresource = request.subResource { metadata["subresource"] = .string(subresource) }
        if !decision.findings.isEmpty {
            metadata["findings"] = .string(Self.summary(of: decision.findings))
        }
        logger.log(level: level, "admission decision", metadata: metadata)
    }

    /// `rule@field=effect` for each finding, space-separated.
    static func summary(of findings: [AdmissionDecision.Judged]) -> String {
        var text = TextBuffer(capacity: 128)
        for judged in findings {
            if !text.isEmpty { text.append(ascii: " ") }
            text.append(judged.finding.ruleId)
            text.append(ascii: "@")
            text.append(judged.finding.path)
            text.append(ascii: "=")
            text.append(judged.effect.rawValue)
        }
        return text.text
    }

    /// Today's date in UTC, `YYYY-MM-DD`, for exception expiry; formatted once a day.
    static func today() -> String {
        let now = time(nil)
        let day = Int(now) / 86_400
        if let cached = todayCache.withLock({ $0.day == day ? $0.text : nil }) { return cached }
        var seconds = now
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        let text = "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))"
        todayCache.withLock { $0 = (day, text) }
        return text
    }

    /// The day number (days since 1970 in UTC) and its date, last formatted.
    private static let todayCache = Mutex<(day: Int, text: String)>((-1, ""))
}
