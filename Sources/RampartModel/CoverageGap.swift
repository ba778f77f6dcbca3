/// Something a live read could not cover (forbidden, not served, failing): the audit says so
/// instead of pretending the cluster has none of it.
public struct CoverageGap: Sendable, Hashable, Codable, Comparable {
    /// The resource (`secrets`, `deployments.apps`) or discovery path that could not be read.
    public var resource: String
    /// The namespace of the request, when it was limited to one.
    public var namespace: String?
    /// The HTTP status of the last answer.
    public var status: Int
    /// Why, from the API server's `Status` message when it gave one.
    public var reason: String

    public init(resource: String, namespace: String?, status: Int, reason: String) {
        self.resource = resource
        self.namespace = namespace
        self.status = status
        self.reason = reason
    }

    public static func < (lhs: CoverageGap, rhs: CoverageGap) -> Bool {
        (lhs.resource, lhs.namespace ?? "") < (rhs.resource, rhs.namespace ?? "")
    }
}
