import ArgumentParser
import RampartPolicy
import RampartReport
import RampartRules

extension Rampart {
    /// `rampart rules`: the catalog.
    struct Rules: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rules", abstract: "List every rule of the catalog.", subcommands: [Test.self])

        /// Formats of the catalog listing.
        enum Format: String, ExpressibleByArgument {
            case text, json, markdown
        }

        @Option(help: "Output format: text, json, or markdown (docs/rules.md).")
        var format: Format = .text

        @OptionGroup var policy: PolicyOptions

        func run() throws {
            let rules = Catalog.rules.map(\.metadata) + (try policy.loadConfig()).customRules.map(\.metadata)
            switch format {
            case .json:
                print(try JSONOutput.encode(["rules": rules.map(RuleDescription.init)]))
            case .markdown:
                print(RuleDescription.markdown(rules), terminator: "")
            case .text:
                for rule in rules {
                    print("\(rule.id.padding(toLength: 40, withPad: " ", startingAt: 0)) \(rule.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(rule.title)")
                }
            }
        }
    }

    /// `rampart explain ID`: one rule in full.
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "explain", abstract: "Explain one rule: why it matters and how to fix it.")

        @Argument(help: "The rule ID, e.g. images.latest-tag.")
        var id: String

        @Option(help: "Output format: text or json.")
        var format: AnswerFormat = .text

        @OptionGroup var policy: PolicyOptions

        func run() throws {
            let custom = try policy.loadConfig().customRules.first { $0.metadata.id == id }
            guard let rule = custom?.metadata ?? Catalog.rule(id: id)?.metadata else {
                throw ValidationError("no rule '\(id)'; `rampart rules` lists them")
            }
            switch format {
            case .json:
                print(try JSONOutput.encode(RuleDescription(rule)))
            case .text:
                print(RuleDescription(rule).text)
            }
        }
    }
}
