import ArgumentParser

/// The inputs every analysing command takes: files, directories (recursive) and `-` for stdin.
struct InputOptions: ParsableArguments {
    @Argument(help: "Manifest files or directories (.yaml, .yml, .json, searched recursively); '-' reads stdin.")
    var paths: [String] = []

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one file, directory or '-'") }
    }
}
