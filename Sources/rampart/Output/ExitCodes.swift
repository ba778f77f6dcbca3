import ArgumentParser
import Foundation
import RampartReport

extension ExitCode {
    /// Findings at or above `--fail-on`, a pod not allowed, a request denied.
    static let findings = ExitCode(1)
    /// Usage or input error.
    static let inputError = ExitCode(2)
}

extension RunStatus {
    /// Ends the command with this status: returns when the run passed, throws its exit code otherwise.
    func finish() throws {
        if self != .passed { throw ExitCode(rawValue) }
    }

    /// Ends the process with this status at once, leaving `results` (a large run's inventory, report
    /// and findings) to the operating system: freeing them value by value took up to a tenth of a
    /// large run. Only for the last step of a command, once its output is written.
    func exit(leaving results: Any...) -> Never {
        withExtendedLifetime(results) { Foundation.exit(rawValue) }
    }
}
