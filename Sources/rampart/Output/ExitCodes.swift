import ArgumentParser
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
}
