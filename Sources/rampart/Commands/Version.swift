import ArgumentParser

extension Rampart {
    /// `rampart version`: the tool's version, as `kubectl version --client` prints its own.
    struct Version: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "version",
            abstract: "Print Rampart's version.",
            discussion: """
                Examples:
                  rampart version
                  rampart version -o json
                """)

        @Option(name: [.customShort("o"), .customLong("output")], help: "Output format: text or json.")
        var format: AnswerFormat = .text

        func run() throws {
            switch format {
            case .text: print(Rampart.version)
            case .json: print(try JSONOutput.encode(["name": "rampart", "version": Rampart.version]))
            }
        }
    }
}
