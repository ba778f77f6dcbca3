import ArgumentParser

/// The inputs every analysing command takes: files, directories (recursive) and `-` for stdin, or a
/// live cluster (`--cluster`).
struct InputOptions: ParsableArguments {
    @Argument(help: "Manifest files or directories (.yaml, .yml, .json, searched recursively); '-' reads stdin.")
    var paths: [String] = []

    @OptionGroup var cluster: ClusterOptions

    func validate() throws {
        if cluster.cluster, !paths.isEmpty { throw ValidationError("give paths or --cluster, not both") }
        if paths.isEmpty, !cluster.cluster { throw ValidationError("give at least one file, directory or '-', or --cluster") }
    }
}
