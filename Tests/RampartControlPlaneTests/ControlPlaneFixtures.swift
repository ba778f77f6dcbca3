import Foundation
import RampartModel
import RampartRules
import TestSupport

/// The control-plane fixtures of `Tests/Data/controlplane` and helpers to audit them.
enum ControlPlaneFixtures {
    static let directory = Fixtures.repositoryRoot.appendingPathComponent("Tests/Data/controlplane")

    /// The text of a fixture file.
    static func text(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    /// The findings of the control-plane family on a manifest given as text.
    static func findings(_ yaml: String, settings: RuleSettings = RuleSettings()) -> [Finding] {
        Auditor.audit(AuditContext(inventory: Fixtures.inventory(yaml), settings: settings), rules: ControlPlaneRules.all)
    }

    /// The 1-based number of the line of `text` where `fragment` starts.
    static func line(of fragment: String, in text: String) -> Int? {
        guard let range = text.range(of: fragment) else { return nil }
        return text[..<range.lowerBound].filter { $0 == "\n" }.count + 1
    }
}
