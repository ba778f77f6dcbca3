import ArgumentParser

extension ExitCode {
    /// Findings at or above `--fail-on`, a pod not allowed, a request denied.
    static let findings = ExitCode(1)
    /// Usage or input error.
    static let inputError = ExitCode(2)
}
