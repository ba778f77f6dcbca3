import ArgumentParser
import Foundation
import RampartModel

/// The output formats one command supports: its `--format` accepts these and its help lists these.
protocol ReportFormat: RawRepresentable<String>, ExpressibleByArgument, CaseIterable, Sendable {
    /// The format used without `--format`.
    static var defaultFormat: Self { get }
}

/// `audit`: text, JSON, SARIF and JUnit.
enum AuditFormat: String, ReportFormat {
    case text, json, sarif, junit
    static let defaultFormat = AuditFormat.text
}

/// Answers of `pss`, `rbac`, `netpol` and `explain`: text and JSON.
enum AnswerFormat: String, ReportFormat {
    case text, json
    static let defaultFormat = AnswerFormat.text
}

/// Where and how a command writes its report, in one of the formats `Format` lists.
struct OutputOptions<Format: ReportFormat>: ParsableArguments {
    @Option(help: ArgumentHelp("Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).",
                               valueName: Format.allCases.map(\.rawValue).joined(separator: "|")))
    var format: Format = .defaultFormat

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
