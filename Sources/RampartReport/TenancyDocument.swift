import RampartModel
import RampartNetwork
import RampartRules
import RampartTenancy

/// The tenancy verdict as every tenancy reporter renders it (the JSON report is this, encoded):
/// the tenants' verdicts, the tenant-by-tenant matrix, and the book of work (the `tenancy.*`
/// findings, most severe first).
public struct TenancyDocument: Sendable, Codable {
    public var schemaVersion = 1
    public var tool: AuditReport.Tool
    /// Where the tenants come from: a tenancy file, or `inferred`.
    public var source: String
    public var tenants: [TenantVerdict]
    public var matrix: [Interaction]
    public var bookOfWork: [Finding]
    /// Tenants of the model with no namespace among the inputs.
    public var absentTenants: [String]
    /// What enforces network policy: the CNI detected, or that it could not be determined.
    public var networkEnforcement: NetworkEnforcement
    public var summary: Summary

    /// Counts for the first line of a report and for CI.
    public struct Summary: Sendable, Codable {
        public var tenants: Int
        public var met: Int
        public var notMet: [String]
        public var findings: Int
    }

    public init(version: String, report: TenancyReport, findings: [Finding]) {
        tool = AuditReport.Tool(version: version)
        source = report.source
        tenants = report.verdicts.sortedMovingIndices { $0.tenant < $1.tenant }
        matrix = report.matrix
        bookOfWork = ReportOrder.sorted(findings)
        absentTenants = report.absentTenants.sorted()
        networkEnforcement = report.networkEnforcement
        summary = Summary(tenants: tenants.count, met: tenants.count { $0.met },
                          notMet: tenants.filter { !$0.met }.map(\.tenant), findings: findings.count)
    }

    /// The interaction of `from` with `to`, if `from` can reach or act on `to`.
    public func interaction(from: String, to: String) -> Interaction? {
        matrix.first { $0.from == from && $0.to == to }
    }
}
