import RampartLoading
import Testing

/// An error prints a position only when it has one: a live resource or an unreadable file is not
/// located at a fake `:0:0`.
@Suite struct InputErrorTests {
    @Test func positionsOnlyWhereThereIsOne() {
        #expect(InputError(file: "a.yaml", line: 3, column: 7, message: "bad").description == "a.yaml:3:7: bad")
        #expect(InputError(file: "pods (live)", line: 0, column: 0, message: "unreadable answer").description
                == "pods (live): unreadable answer")
    }
}
