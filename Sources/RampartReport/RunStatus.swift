/// How a run ends, the same for every command: the one mapping from what a run found to its exit
/// status (0, 1, 2).
///
/// - Any input that failed to load fails the run: like a finding (`failed`) when other inputs were
///   read cleanly and analysed, as an input error when none was (a CI job must never pass on a
///   chart it could not read).
/// - Otherwise the run fails when the report does (findings at or above `--fail-on`, a pod not
///   allowed, a request denied, a tenant not isolated as required).
public enum RunStatus: Int32, Sendable, Equatable {
    /// Nothing at or above the threshold, every input read.
    case passed = 0
    /// Findings at or above the threshold, or some input failed to load while others were analysed.
    case failed = 1
    /// Input errors and no input read cleanly (usage errors are reported by the CLI itself).
    case inputError = 2

    /// The status of a run with `inputErrors` errors, `cleanInputs` inputs read without any error,
    /// whose report `failed`.
    public init(inputErrors: Int, cleanInputs: Int, reportFailed: Bool) {
        if inputErrors > 0, cleanInputs == 0 {
            self = .inputError
        } else if inputErrors > 0 || reportFailed {
            self = .failed
        } else {
            self = .passed
        }
    }
}
