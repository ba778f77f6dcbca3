import ArgumentParser
import RampartModel

/// The nearest command for a mistyped one: `rampart audti` → `did you mean 'audit'?`.
enum CommandSuggestion {
    /// The error for `arguments` when a word where a subcommand belongs names none (nil otherwise),
    /// with the nearest subcommand when one is close, else the list of them.
    static func unknownCommand(in arguments: [String]) -> String? {
        var command: any ParsableCommand.Type = Rampart.self
        var path = ["rampart"]
        for word in arguments {
            let subcommands = command.configuration.subcommands
            guard !word.hasPrefix("-"), !subcommands.isEmpty else { return nil }
            guard let next = subcommands.first(where: { $0._commandName == word }) else {
                let names = subcommands.map { $0._commandName }
                let hint = KeySuggestion.nearest(to: word, among: names).map { "did you mean '\(path.joined(separator: " ")) \($0)'?" }
                    ?? "the commands are: \(names.joined(separator: ", "))"
                return "Error: unknown command '\(word)' for '\(path.joined(separator: " "))'; \(hint)"
            }
            command = next
            path.append(word)
        }
        return nil
    }
}
