import ArgumentParser

extension Rampart {
    /// `rampart completion SHELL`: the shell completion script, as `kubectl completion SHELL` prints.
    struct Completion: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "completion",
            abstract: "Print the completion script for bash, zsh or fish.",
            discussion: """
                Examples:
                  source <(rampart completion bash)         # this bash session
                  rampart completion bash > /etc/bash_completion.d/rampart
                  rampart completion zsh > "${fpath[1]}/_rampart"
                  rampart completion fish > ~/.config/fish/completions/rampart.fish
                """)

        @Argument(help: ArgumentHelp("The shell.", valueName: "bash|zsh|fish"),
                  transform: { name in
                      guard let shell = CompletionShell(rawValue: name) else {
                          throw ValidationError("no completion for '\(name)': give bash, zsh or fish")
                      }
                      return shell
                  })
        var shell: CompletionShell

        func run() throws {
            print(Rampart.completionScript(for: shell))
        }
    }
}
