import RampartModel

/// Puts findings (or values that carry one) into report order, `Finding.<`, fast: each is given a
/// key of integers (severity, rank of its rule ID, rank of its file, line, column) and the sort
/// compares keys, falling back to the full comparison only where two keys are equal. Comparing
/// findings directly compares strings and copies findings at every step of the sort, which on tens
/// of thousands of findings was most of the serial time left after the rules.
public enum ReportOrder {
    /// `findings` in report order; equal findings keep their order.
    public static func sorted(_ findings: [Finding]) -> [Finding] {
        sorted(findings, finding: { $0 })
    }

    /// `items` in the report order of the finding each carries; equal ones keep their order.
    public static func sorted<Item: Sendable>(_ items: [Item], finding: @Sendable (Item) -> Finding) -> [Item] {
        let rules = StringRanks(items.map { finding($0).ruleId })
        let files = StringRanks(items.map { finding($0).location.file ?? "" })
        return items.sorted(byKey: { item in
            let finding = finding(item)
            return IntegerSortKey(-finding.severity.rank, rules[finding.ruleId], files[finding.location.file ?? ""],
                                  finding.location.line, finding.location.column)
        }, thenBy: { finding($0) < finding($1) })
    }
}
