import RampartModel

/// One report object of an audit's results: the `Report` of one namespace or the `ClusterReport` of
/// cluster-scoped objects, as a manifest ready to print or to apply.
public struct ResultReport: Sendable {
    public var api: ResultReportAPI
    /// The namespace the report lives in and describes; nil for the cluster report.
    public var namespace: String?
    public var name: String
    /// The whole object: apiVersion, kind, metadata, results and summary.
    public var manifest: Node

    public var kind: String { api.kind(namespaced: namespace != nil) }
    public var resource: String { api.resource(namespaced: namespace != nil) }

    /// The reports as one YAML stream, `kubectl apply -f` ready.
    public static func yaml(_ reports: [ResultReport]) -> String {
        YAMLWriter.stream(reports.map(\.manifest))
    }
}
