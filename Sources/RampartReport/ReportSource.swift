import RampartModel

/// Where the audited objects came from when that was a live cluster: which one, when, and what
/// could not be read. Absent from reports of files.
public struct ReportSource: Sendable, Codable {
    /// `cluster`.
    public var kind = "cluster"
    /// The API server's URL.
    public var server: String
    /// The kubeconfig context (absent in-cluster) and cluster name.
    public var context: String?
    public var cluster: String
    /// The namespace the read was limited to, if any.
    public var namespace: String?
    /// When the read finished, ISO 8601 UTC.
    public var readAt: String
    public var coverageGaps: [CoverageGap]

    public init(server: String, context: String?, cluster: String, namespace: String?, readAt: String, coverageGaps: [CoverageGap]) {
        self.server = server
        self.context = context
        self.cluster = cluster
        self.namespace = namespace
        self.readAt = readAt
        self.coverageGaps = coverageGaps
    }

    /// One line for the terminal report.
    public var summary: String {
        var line = "cluster \(cluster) at \(server)" + (context.map { " (context \($0))" } ?? " (in-cluster)")
        if let namespace { line += ", namespace \(namespace)" }
        line += ", read \(readAt)"
        if !coverageGaps.isEmpty {
            line += "; not covered: " + coverageGaps.map { "\($0.resource) (\($0.status))" }.joined(separator: ", ")
        }
        return line
    }
}
