import ArgumentParser
import Foundation
import RampartModel

/// The output formats one command supports: its `-o`/`--format` accepts these and its help lists these.
protocol ReportFormat: RawRepresentable<String>, ExpressibleByArgument, CaseIterable, Sendable {
    /// The format used without `-o`.
    static var defaultFormat: Self { get }
}

/// `audit`: text, JSON, SARIF, JUnit, a self-contained HTML page, and Kubernetes report objects
/// (OpenReports, or the older PolicyReport API).
enum AuditFormat: String, ReportFormat {
    case text, json, sarif, junit, html, openreports, policyreport
    static let defaultFormat = AuditFormat.text
}

/// Answers of `pss`, `rbac`, `netpol` and `explain`: text and JSON.
enum AnswerFormat: String, ReportFormat {
    case text, json
    static let defaultFormat = AnswerFormat.text
}

/// What `-o`/`--output`/`--format` was given: a format, as in kubectl, or (as before kubectl's
/// meaning was adopted) a file name, recognised by a `/` or `.` no format name has.
enum OutputArgument<Format: ReportFormat>: ExpressibleByArgument, Sendable {
    case format(Format)
    case legacyFile(String)

    init?(argument: String) {
        if let format = Format(rawValue: argument) {
            self = .format(format)
        } else if argument.contains("/") || argument.contains(".") {
            self = .legacyFile(argument)
        } else {
            return nil
        }
    }

    static var allValueStrings: [String] { Format.allCases.map(\.rawValue) }
}

/// Where and how a command writes its report, in one of the formats `Format` lists. As in kubectl,
/// `-o`/`--output` names the format; `--format` is its older spelling and `--output-file` names the file.
struct OutputOptions<Format: ReportFormat>: ParsableArguments {
    @Option(name: [.customShort("o"), .customLong("output")],
            help: ArgumentHelp("Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")) (default: \(Format.defaultFormat.rawValue)).",
                               valueName: Format.allCases.map(\.rawValue).joined(separator: "|")))
    var output: OutputArgument<Format>?

    @Option(name: .customLong("format"), help: ArgumentHelp("The same as -o.", valueName: Format.allCases.map(\.rawValue).joined(separator: "|")))
    var formatName: Format?

    @Option(help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var outputFile: String?

    /// The format asked for, by `-o` or `--format`.
    var format: Format {
        if case .format(let format) = output { return format }
        return formatName ?? .defaultFormat
    }

    /// The file to write: `--output-file`, or a file name given to `-o` the way older releases took it.
    var file: String? {
        if let outputFile { return outputFile }
        if case .legacyFile(let file) = output { return file }
        return nil
    }

    func validate() throws {
        switch output {
        case .format(let named):
            if let formatName, formatName != named {
                throw ValidationError("-o \(named.rawValue) and --format \(formatName.rawValue) disagree: give one")
            }
        case .legacyFile(let file):
            if outputFile != nil { throw ValidationError("-o takes the output format; give the file once, with --output-file") }
            FileHandle.standardError.write(Data("""
                rampart: -o \(file): -o/--output is the output format, as in kubectl; write files with --output-file \(file)\n
                """.utf8))
        case nil: break
        }
    }

    /// Writes `text` to the output file or standard output.
    func write(_ text: String) throws {
        let data = Data((text.hasSuffix("\n") || text.isEmpty ? text : text + "\n").utf8)
        if let file {
            do {
                try data.write(to: URL(fileURLWithPath: file))
            } catch {
                throw ValidationError("cannot write \(file)")
            }
        } else {
            FileHandle.standardOutput.write(data)
        }
    }

    /// Writes the bytes `produce` hands over, piece by piece, to the output file or standard output,
    /// ending with a line break as `write(_:)` does.
    func write(pieces produce: ((ArraySlice<UInt8>) throws -> Void) throws -> Void) throws {
        let handle: FileHandle
        if let file {
            // Opened in place, never replaced: `/dev/null`, a FIFO or a symbolic link stays what it is.
            let descriptor = open(file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw ValidationError("cannot write \(file)") }
            handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        } else {
            handle = FileHandle.standardOutput
        }
        defer { if file != nil { try? handle.close() } }
        var last: UInt8?
        do {
            try produce { piece in
                guard let end = piece.last else { return }
                try handle.write(contentsOf: piece)
                last = end
            }
            if last != UInt8(ascii: "\n") { try handle.write(contentsOf: Data("\n".utf8)) }
        } catch let error as EncodingError {
            throw error
        } catch {
            throw ValidationError("cannot write \(file ?? "standard output")")
        }
    }

    /// True when the report goes to a terminal (colour allowed).
    var isTerminal: Bool {
        file == nil && isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }
}
