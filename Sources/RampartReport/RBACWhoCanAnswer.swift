import RampartRBAC

/// The answer of `rampart rbac who-can`: every subject the bindings allow to make the request.
/// JSON: `{"subjects":[{"kind":…, "name":…, "namespace":…}], "via":[…]}` (DESIGN.md).
public struct RBACWhoCanAnswer: RBACAnswer {
    public let subjects: [Subject]
    /// The grants that allow them.
    public let via: [Grant]
    public let unresolved: [UnresolvedBinding]

    public init(_ review: AccessReview) {
        subjects = review.subjects
        via = review.via
        unresolved = review.unresolved
    }

    private enum CodingKeys: String, CodingKey { case subjects, via }

    public var grants: [Grant] { via }
    /// Listing subjects never fails a run.
    public var failed: Bool { false }

    /// One row per subject: kind, namespace and name, in aligned columns.
    public var text: String {
        let rows = subjects.map { [$0.kind.rawValue, $0.namespace ?? "", $0.name] }
        let widths = (0..<2).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ") + "  " + row[2]
        }.joined(separator: "\n")
    }
}
