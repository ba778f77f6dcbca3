import ArgumentParser
import Foundation

/// Output formats of the reports.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, junit
}

/// Where and how a command writes its report.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: OutputFormat = .text

    @Option(name: [.short, .long], help: "Write the report to this file instead of standard output.")
    var output: String?

    /// Writes `text` to the output file or standard output.
    func write(_ text: String) throws {
        let data = Data((text.hasSuffix("\n") || text.isEmpty ? text : text + "\n").utf8)
        if let output {
            do {
                try data.write(to: URL(fileURLWithPath: output))
            } catch {
                throw ValidationError("cannot write \(output)")
            }
        } else {
            FileHandle.standardOutput.write(data)
        }
    }

    /// True when the report goes to a terminal (colour allowed).
    var isTerminal: Bool {
        output == nil && isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }
}
