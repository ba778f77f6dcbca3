import ArgumentParser
import Dispatch
import Foundation
import RampartKube
import RampartReport
import Synchronization

/// `audit --cluster --write-reports`: the CLI side of `ReportApplier`, writing the audit's report
/// objects into the cluster that was read, with the same connection.
enum ReportWriter {
    /// Applies `reports` and prunes stale ones (only in `namespace` when the read was limited to
    /// it); returns what was done, or throws a usage-level error naming what failed.
    static func write(_ reports: [ResultReport], api: ResultReportAPI, connection: ClusterConnection,
                      namespace: String?) throws -> ReportApplier.Outcome {
        let resource = { (namespaced: Bool) in
            ManagedResource(group: api.group, version: api.version, resource: api.resource(namespaced: namespaced), namespaced: namespaced)
        }
        let objects = reports.filter { namespace == nil || $0.namespace == namespace }.map { report in
            ManagedObject(resource: resource(report.namespace != nil), namespace: report.namespace, name: report.name,
                          manifest: ResultReport.yaml([report]))
        }
        let box = Mutex<Result<ReportApplier.Outcome, KubeError>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            let result: Result<ReportApplier.Outcome, KubeError>
            do throws(KubeError) {
                let client = try await KubeClient.connect(connection)
                do throws(KubeError) {
                    result = .success(try await ReportApplier.apply(
                        objects, pruning: [resource(true), resource(false)], namespace: namespace,
                        owner: ResultReportBuilder.managedByLabel, client: client))
                } catch {
                    result = .failure(error)
                }
                await client.shutdown()
            } catch {
                result = .failure(error)
            }
            box.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        switch box.withLock({ $0 }) {
        case .success(let outcome): return outcome
        case .failure(let error): throw ValidationError("writing reports to \(connection.server): \(error.message)")
        case nil: throw ValidationError("writing reports to \(connection.server) did not finish")
        }
    }
}
