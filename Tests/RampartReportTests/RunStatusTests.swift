import RampartReport
import Testing

/// One rule for every command's exit status: an input that failed to load never lets a run pass.
@Suite struct RunStatusTests {
    @Test func aCleanRunPasses() {
        #expect(RunStatus(inputErrors: 0, cleanInputs: 3, reportFailed: false) == .passed)
    }

    @Test func findingsFail() {
        #expect(RunStatus(inputErrors: 0, cleanInputs: 3, reportFailed: true) == .failed)
    }

    @Test func aBrokenInputBesideGoodOnesFailsLikeAFinding() {
        #expect(RunStatus(inputErrors: 1, cleanInputs: 2, reportFailed: false) == .failed)
    }

    @Test func nothingReadCleanlyIsAnInputError() {
        #expect(RunStatus(inputErrors: 1, cleanInputs: 0, reportFailed: false) == .inputError)
        #expect(RunStatus(inputErrors: 1, cleanInputs: 0, reportFailed: true) == .inputError)
    }
}
