import ArgumentParser
import RampartModel
import RampartPolicy
import RampartReport
import RampartRules

extension Rampart {
    /// `rampart rules`: the catalog.
    struct Rules: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rules", abstract: "List every rule of the catalog.",
        discussion: """
            Examples:
              rampart rules
              rampart rules -o markdown > docs/rules.md
              rampart rules --config rampart.yaml -o json     # with custom rules
            """, subcommands: [Test.self])

        /// Formats of the catalog listing.
        enum Format: String, ExpressibleByArgument {
            case text, json, markdown
        }

        @Option(name: [.customShort("o"), .customLong("output"), .customLong("format")],
                help: "Output format: text, json, or markdown (docs/rules.md).")
        var format: Format = .text

        @OptionGroup var policy: PolicyOptions
        @OptionGroup var benchmark: BenchmarkOption

        func run() throws {
            let rules = (Catalog.rules.map(\.metadata) + (try policy.loadConfig()).customRules.map(\.metadata))
                .map { $0.numbered(by: benchmark.benchmark) }
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
        static let configuration = CommandConfiguration(commandName: "explain", abstract: "Explain one rule: why it matters and how to fix it.",
        discussion: """
            Examples:
              rampart explain pss.privileged
              rampart explain images.latest-tag -o json
            """)

        @Argument(help: "The rule ID, e.g. images.latest-tag.")
        var id: String

        @Option(name: [.customShort("o"), .customLong("output"), .customLong("format")], help: "Output format: text or json.")
        var format: AnswerFormat = .text

        @OptionGroup var policy: PolicyOptions
        @OptionGroup var benchmark: BenchmarkOption

        func run() throws {
            let customRules = try policy.loadConfig().customRules.map(\.metadata)
            guard let rule = customRules.first(where: { $0.id == id }) ?? Catalog.rule(id: id)?.metadata else {
                let known = Catalog.rules.map(\.metadata.id) + customRules.map(\.id)
                let hint = KeySuggestion.nearest(to: id, among: known).map { "; did you mean '\($0)'?" } ?? "; `rampart rules` lists them"
                throw ValidationError("no rule '\(id)'\(hint)")
            }
            let numbered = rule.numbered(by: benchmark.benchmark)
            switch format {
            case .json:
                print(try JSONOutput.encode(RuleDescription(numbered)))
            case .text:
                print(RuleDescription(numbered).text)
            }
        }
    }
}
