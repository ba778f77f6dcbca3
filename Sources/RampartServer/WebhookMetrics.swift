import Prometheus
import RampartAdmission

/// The webhook's Prometheus metrics: requests by outcome, findings by rule and effect, latency.
public final class WebhookMetrics: Sendable {
    public let registry = PrometheusCollectorRegistry()
    private let latency: DurationHistogram

    /// Latency buckets: the webhook answers in well under a millisecond; the API server gives up at its timeout.
    static let buckets: [Duration] = [
        .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2),
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(100), .seconds(1),
    ]

    public init() {
        latency = registry.makeDurationHistogram(name: "rampart_webhook_request_duration_seconds", buckets: Self.buckets,
                                                 help: "Time from the request's start to the answer")
    }

    /// Counts a request that ended with `outcome` (`allowed`, `warned`, `denied`, `skipped`, or an error).
    func request(outcome: String, duration: Duration) {
        registry.makeCounter(name: "rampart_webhook_requests_total", labels: [("outcome", outcome)],
                             help: "Admission requests by outcome").increment()
        latency.record(duration)
    }

    /// Counts the findings of a decision by rule and effect.
    func findings(_ decision: AdmissionDecision) {
        for judged in decision.findings {
            registry.makeCounter(name: "rampart_webhook_findings_total",
                                 labels: [("rule", judged.finding.ruleId), ("effect", judged.effect.rawValue)],
                                 help: "Findings in admission requests by rule and effect").increment()
        }
    }

    /// The text exposition format.
    func exposition() -> [UInt8] {
        registry.emitToBuffer()
    }
}
