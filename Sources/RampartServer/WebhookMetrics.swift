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

    static var requests: MetricNameDescriptor { metric("requests", unit: "total", help: "Admission requests by outcome") }
    static var findings: MetricNameDescriptor { metric("findings", unit: "total", help: "Findings in admission requests by rule and effect") }

    /// `rampart_webhook_NAME_UNIT`.
    static func metric(_ name: String, unit: String, help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "rampart", subsystem: "webhook", metricName: name, unitName: unit, helpText: help)
    }

    public init() {
        latency = registry.makeDurationHistogram(
            descriptor: Self.metric("request_duration", unit: "seconds", help: "Time from the request's start to the answer"),
            buckets: Self.buckets)
    }

    /// Counts a request that ended with `outcome` (`allowed`, `warned`, `denied`, `skipped`, or an error).
    func request(outcome: String, duration: Duration) {
        registry.makeCounter(descriptor: Self.requests, labels: [("outcome", outcome)]).increment()
        latency.record(duration)
    }

    /// Counts the findings of a decision by rule and effect.
    func findings(_ decision: AdmissionDecision) {
        for judged in decision.findings {
            registry.makeCounter(descriptor: Self.findings,
                                 labels: [("rule", judged.finding.ruleId), ("effect", judged.effect.rawValue)]).increment()
        }
    }

    /// The text exposition format.
    func exposition() -> [UInt8] {
        registry.emitToBuffer()
    }
}
