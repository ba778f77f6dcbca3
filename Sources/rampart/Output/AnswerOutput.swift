import Foundation
import RampartReport

extension OutputOptions where Format == AnswerFormat {
    /// Writes the answer of `pss`, `rbac` or `netpol`: its JSON, or its text with its diagnostics
    /// (input errors, notes) on standard error.
    func render(_ report: some AnswerReport) throws {
        switch format {
        case .json:
            try write(pieces: report.writeJSON)
        case .text:
            try write(report.text)
            for line in report.diagnostics {
                FileHandle.standardError.write(Data((line + "\n").utf8))
            }
        }
    }
}
