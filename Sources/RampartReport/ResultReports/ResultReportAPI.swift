/// The Kubernetes API an audit's results are written as: OpenReports (`openreports.io/v1alpha1`
/// `Report` and `ClusterReport`), or the older Policy Report API of the Kubernetes policy working
/// group (`wgpolicyk8s.io/v1alpha2` `PolicyReport` and `ClusterPolicyReport`) that consumers such as
/// Policy Reporter still read. Both carry the same results and summary.
public enum ResultReportAPI: String, Sendable, CaseIterable {
    case openReports = "openreports"
    case policyReport = "policyreport"

    public var group: String {
        switch self {
        case .openReports: "openreports.io"
        case .policyReport: "wgpolicyk8s.io"
        }
    }

    public var version: String {
        switch self {
        case .openReports: "v1alpha1"
        case .policyReport: "v1alpha2"
        }
    }

    public var apiVersion: String { "\(group)/\(version)" }

    /// The kind of a report about one namespace, or about cluster-scoped objects.
    public func kind(namespaced: Bool) -> String {
        switch self {
        case .openReports: namespaced ? "Report" : "ClusterReport"
        case .policyReport: namespaced ? "PolicyReport" : "ClusterPolicyReport"
        }
    }

    /// The resource (plural) of that kind, as in the API path.
    public func resource(namespaced: Bool) -> String {
        kind(namespaced: namespaced).lowercased() + "s"
    }

    /// OpenReports names the producer once per report; the older API only per result.
    var sourceOnReport: Bool { self == .openReports }

    /// OpenReports states the report's size limit (`configuration.limits`); the older API cannot.
    var statesLimits: Bool { self == .openReports }
}
