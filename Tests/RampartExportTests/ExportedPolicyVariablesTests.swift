import RampartExport
import Testing

/// A policy declares the variables its expressions read, and no others: each costs compilation,
/// and in Rampart's own evaluation of the policy, evaluation.
@Suite struct ExportedPolicyVariablesTests {
    static let export = ExportEquivalenceTests.export

    /// True when `text` reads `variables.NAME` and not a longer name that starts with it.
    static func reads(_ text: String, _ name: String) -> Bool {
        text.split(separator: "variables." + name, omittingEmptySubsequences: false).dropFirst()
            .contains { !($0.first.map { $0.isLetter || $0.isNumber || $0 == "_" } ?? false) }
    }

    @Test func everyVariableIsReadByALaterVariableOrAValidation() {
        for policy in Self.export.policies {
            let validations = policy.validations.flatMap { [$0.expression, $0.messageExpression] }
            for (index, variable) in policy.variables.enumerated() {
                let readers = policy.variables.dropFirst(index + 1).map(\.expression) + validations
                #expect(readers.contains { Self.reads($0, variable.name) }, "\(policy.name) declares variables.\(variable.name) and reads it nowhere")
            }
        }
    }

    @Test func aPodPolicyDeclaresThePodSecurityModeOnlyWhenItReadsIt() throws {
        let variables = { (rule: String) throws -> [String] in
            try #require(Self.export.policies.first { $0.rule.id == rule }).variables.map(\.name)
        }
        #expect(try variables("images.latest-tag") == ["specPath", "template", "podSpec", "containers"])
        #expect(try variables("pss.privileged").contains("podSecurityLevel"))
    }
}
