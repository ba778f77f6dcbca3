/// When to try a request again and how long to wait first: 429 and 5xx answers and failed
/// connections are retried with exponential backoff, honouring the server's `Retry-After`.
public struct RetryPolicy: Sendable {
    /// Tries in all, the first included.
    public var attempts: Int
    /// The first wait, doubled on each retry.
    public var initialDelay: Double
    /// The longest wait, also the cap on `Retry-After`.
    public var maximumDelay: Double

    public init(attempts: Int = 5, initialDelay: Double = 0.25, maximumDelay: Double = 30) {
        self.attempts = attempts
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
    }

    /// True for statuses worth retrying: too many requests, and server errors that may pass.
    public static func isRetryable(status: Int) -> Bool {
        status == 429 || status == 500 || status == 502 || status == 503 || status == 504
    }

    /// Seconds to wait before try number `attempt + 1` (`attempt` counts from 1), given the answer's
    /// `Retry-After` header (seconds) when it had one.
    public func delay(after attempt: Int, retryAfter: String?) -> Double {
        if let retryAfter, let seconds = Double(retryAfter.filter { $0 != " " }), seconds >= 0 {
            return min(seconds, maximumDelay)
        }
        let exponent = Double(1 << min(max(attempt - 1, 0), 20))
        return min(initialDelay * exponent, maximumDelay)
    }
}

