import Foundation
import RampartModel
import Testing

/// Source marks are kept in 32 bits: they read back as written, order by line then column, encode
/// as before, and clamp positions no input reaches instead of wrapping.
@Suite struct SourceMarkTests {
    @Test func readsBackOrdersAndEncodesAsWritten() throws {
        let mark = SourceMark(line: 120_000, column: 3)
        #expect(mark.line == 120_000 && mark.column == 3)
        #expect(SourceMark(line: 2, column: 90) < SourceMark(line: 3, column: 1))
        #expect(SourceMark(line: 3, column: 1) < SourceMark(line: 3, column: 2))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode(mark), as: UTF8.self) == #"{"column":3,"line":120000}"#)
        #expect(try JSONDecoder().decode(SourceMark.self, from: Data(#"{"line":7,"column":9}"#.utf8)) == SourceMark(line: 7, column: 9))
    }

    @Test func clampsInsteadOfWrapping() {
        let far = SourceMark(line: 5_000_000_000, column: -1)
        #expect(far.line == Int(UInt32.max) && far.column == 0)
        var moved = SourceMark(line: 1, column: 1)
        moved.line = 4_294_967_296
        #expect(moved.line == Int(UInt32.max))
    }
}
