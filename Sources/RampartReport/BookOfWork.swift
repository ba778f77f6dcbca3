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

    /// The root cause of a finding: one field of one object.
    private struct Cause: Hashable, Sendable {
        /// The hash of the object's namespace and name and of the path (equality compares all): it
        /// tells causes apart but for objects of one name of several kinds. Worked out on every core
        /// before the grouping, which then hashes only this.
        let digest: Int
        let object: ObjectReference
        let path: String

        init(object: ObjectReference, path: String) {
            var hasher = Hasher()
            hasher.combine(object.namespace)
            hasher.combine(object.name)
            hasher.combine(path)
            digest = hasher.finalize()
            self.object = object
            self.path = path
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(digest)
        }
    }

    /// Findings and groups per unit of parallel work.
    private static let chunk = 2048

    /// `findings` in report order (as the policy leaves them), so each item's consequences are too.
    public static func items(_ findings: [Finding]) -> [WorkItem] {
        let causes = findings.concurrentMap(chunk: chunk, scratch: {}) { finding, _ in Cause(object: finding.object, path: finding.path) }
        // Each cause's findings, causes in the order first met.
        var groups: [[Int]] = []
        var groupOfCause: [Cause: Int] = [:]
        groupOfCause.reserveCapacity(findings.count)
        for (index, cause) in causes.enumerated() {
            if let group = groupOfCause[cause] {
                groups[group].append(index)
            } else {
                groupOfCause[cause] = groups.count
                groups.append([index])
            }
        }
        let items = groups.concurrentMap(chunk: chunk, scratch: {}) { group, _ -> WorkItem in
            let first = findings[group[0]]
            // A binding whose role grants several risky powers is fixed by binding a narrower role.
            let fix = first.path == "roleRef" && group.count > 1
                ? "Bind a role that grants only what the subjects need: this one binding causes \(group.count) findings. \(first.fix)"
                : first.fix
            return WorkItem(object: first.object, location: first.location, path: first.path, severity: first.severity,
                            title: first.title, fix: fix,
                            consequences: group.map { WorkItem.Consequence(ruleId: findings[$0].ruleId, severity: findings[$0].severity,
                                                                           message: findings[$0].message) })
        }
        // Severity and the number of consequences (both highest first), then file position; whole
        // items are compared only where these are equal.
        let files = StringRanks(items.map { $0.location.file ?? "" })
        return items.sorted(byKey: { item in
            IntegerSortKey(-item.severity.rank, -item.consequences.count, files[item.location.file ?? ""],
                           item.location.line, item.location.column)
        }, thenBy: { lhs, rhs in
            if lhs.location != rhs.location { return lhs.location < rhs.location }
            if lhs.object != rhs.object { return lhs.object < rhs.object }
            return lhs.path < rhs.path
        })
    }

    /// The items to fix first: the first few of the book, high or critical only when there are such.
    public static func first(_ items: [WorkItem]) -> [WorkItem] {
        let urgent = items.filter { $0.severity >= .high }
        return Array((urgent.isEmpty ? items : urgent).prefix(firstCount))
    }
}
