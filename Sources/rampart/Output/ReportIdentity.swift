import Foundation
import RampartReport

extension HTMLPage.Identity {
    /// What was scanned (the live cluster as read, else the input paths and object count) and now.
    static func of(_ input: InputOptions, source: ReportSource?, objects: Int) -> HTMLPage.Identity {
        let scanned = source?.summary ?? "\(input.paths.joined(separator: ", ")) (\(objects) objects)"
        return HTMLPage.Identity(scanned: scanned, generated: ClusterInput.timestamp(Date()))
    }
}
