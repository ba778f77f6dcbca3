import RampartModel
import RampartRules
import TestSupport

/// Runs one rule (or the catalog) over a manifest given as text.
func findings(_ yaml: String, rules: [any Rule] = Catalog.rules, settings: RuleSettings = RuleSettings()) -> [Finding] {
    Auditor.audit(AuditContext(inventory: Fixtures.inventory(yaml), settings: settings), rules: rules)
}

/// The IDs of the rules that fired, sorted and without repeats.
func firedRules(_ yaml: String, rules: [any Rule] = Catalog.rules) -> [String] {
    Array(Set(findings(yaml, rules: rules).map(\.ruleId))).sorted()
}
