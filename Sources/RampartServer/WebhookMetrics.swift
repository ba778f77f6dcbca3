import Prometheus
import RampartAdmission
import Synchronization

/// The webhook's Prometheus metrics: requests by outcome, findings by rule and effect, latency.
public final class WebhookMetrics: Sendable {
    public let registry = PrometheusCollectorRegistry()
    private let latency: DurationHistogram
    /// The counters already made, by metric and label values: the registry validates names and
    /// labels on every `makeCounter`, too slow for each request.
    private let counters = Mutex<[CounterKey: Counter]>([:])

    /// A metric and its label values (at most two; no array, so a lookup allocates nothing).
    private struct CounterKey: Hashable {
        let metric: CountedMetric
        let first: String
        let second: String
    }

    /// The counters' metrics; their descriptors are made only when a counter is.
    private enum CountedMetric: Hashable {
        case requests, findings

        var descriptor: MetricNameDescriptor {
            switch self {
            case .requests: WebhookMetrics.metric("requests", unit: "total", help: "Admission requests by outcome")
            case .findings: WebhookMetrics.metric("findings", unit: "total", help: "Findings in admission requests by rule and effect")
            }
        }
    }

    /// Latency buckets: the webhook answers in well under a millisecond; the API server gives up at its timeout.
    static let buckets: [Duration] = [
        .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2),
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(100), .seconds(1),
    ]

    /// `rampart_webhook_NAME_UNIT`.
    fileprivate static func metric(_ name: String, unit: String, help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "rampart", subsystem: "webhook", metricName: name, unitName: unit, helpText: help)
    }

    public init() {
        latency = registry.makeDurationHistogram(
            descriptor: Self.metric("request_duration", unit: "seconds", help: "Time from the request's start to the answer"),
            buckets: Self.buckets)
    }

    /// Counts a request that ended with `outcome` (`allowed`, `warned`, `denied`, `skipped`, or an error).
    func request(outcome: String, duration: Duration) {
        counter(.requests, ("outcome", outcome)).increment()
        latency.record(duration)
    }

    /// Counts the findings of a decision by rule and effect.
    func findings(_ decision: AdmissionDecision) {
        for judged in decision.findings {
            counter(.findings, ("rule", judged.finding.ruleId), ("effect", judged.effect.rawValue)).increment()
        }
    }

    /// The counter of `metric` with one or two labels (name, value), made once.
    private func counter(_ metric: CountedMetric, _ first: (String, String), _ second: (String, String)? = nil) -> Counter {
        let key = CounterKey(metric: metric, first: first.1, second: second?.1 ?? "")
        if let counter = counters.withLock({ $0[key] }) { return counter }
        let counter = registry.makeCounter(descriptor: metric.descriptor, labels: [first] + (second.map { [$0] } ?? []))
        counters.withLock { $0[key] = counter }
        return counter
    }

    /// The text exposition format.
    func exposition() -> [UInt8] {
        registry.emitToBuffer()
    }
}
