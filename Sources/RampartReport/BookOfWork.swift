import RampartModel
import RampartRules

/// One thing to fix: a root cause (one field of one object) and every finding it causes. A binding
/// of cluster-admin is one item whose consequences are impersonation, secret reads, exec and the rest,
/// not one item per rule.
public struct WorkItem: Sendable, Codable, Hashable {
    /// One finding the root cause leads to.
    public struct Consequence: Sendable, Codable, Hashable {
        public var ruleId: String
        public var severity: Severity
        public var message: String
    }

    public var object: ObjectReference
    public var location: SourceLocation
    /// The field at fault, e.g. `roleRef`.
    public var path: String
    /// The most severe consequence's severity, title and fix.
    public var severity: Severity
    public var title: String
    public var fix: String
    /// Most severe first.
    public var consequences: [Consequence]
}

/// The book of work of an audit: findings grouped by root cause, ordered by what to fix first
/// (severity, then how many findings the fix removes, then file position).
public enum BookOfWork {
    /// Items a "fix these first" summary shows.
    public static let firstCount = 5

    public static func items(_ findings: [Finding]) -> [WorkItem] {
        var order: [String] = []
        var groups: [String: [Int]] = [:]
        for (index, finding) in findings.enumerated() {
            let key = "\(finding.object)|\(finding.path)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(index)
        }
        let items = order.compactMap { key -> WorkItem? in
            let group = (groups[key] ?? []).map { findings[$0] }.sorted()
            guard let first = group.first else { return nil }
            // A binding whose role grants several risky powers is fixed by binding a narrower role.
            let fix = first.path == "roleRef" && group.count > 1
                ? "Bind a role that grants only what the subjects need: this one binding causes \(group.count) findings. \(first.fix)"
                : first.fix
            return WorkItem(object: first.object, location: first.location, path: first.path, severity: first.severity,
                            title: first.title, fix: fix,
                            consequences: group.map { WorkItem.Consequence(ruleId: $0.ruleId, severity: $0.severity, message: $0.message) })
        }
        return items.sortedMovingIndices { lhs, rhs in
            if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
            if lhs.consequences.count != rhs.consequences.count { return lhs.consequences.count > rhs.consequences.count }
            return (lhs.location, lhs.object, lhs.path) < (rhs.location, rhs.object, rhs.path)
        }
    }

    /// The items to fix first: the first few of the book, high or critical only when there are such.
    public static func first(_ items: [WorkItem]) -> [WorkItem] {
        let urgent = items.filter { $0.severity >= .high }
        return Array((urgent.isEmpty ? items : urgent).prefix(firstCount))
    }
}
