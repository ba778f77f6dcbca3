internal import CYaml
import Foundation

/// Finds tabs used as separation in block context (`key:<TAB>value`, `value<TAB>` at the end of a
/// line). libyaml and Go's YAML accept them, but YAML 1.1 readers such as PyYAML and the Python
/// Kubernetes client reject the file, so Rampart reports them as input errors.
/// Costs nothing on the usual input without tabs: only lines that contain a tab are indexed, once
/// per input: the parsers that resume after a broken document share the index (`shifted(by:)`), so
/// the cost stays linear whatever the number of errors.
struct TabCheck {
    /// Byte offset of the start of each 0-based line that contains a tab.
    private let tabLineStarts: [Int: Int]
    private let base: UnsafePointer<UInt8>
    private let count: Int
    /// Lines between the start of the indexed input and the start of what the parser reads.
    private var lineShift = 0

    init(base: UnsafePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
        var starts: [Int: Int] = [:]
        if count > 0, memchr(base, 0x09, count) != nil {
            var line = 0, lineStart = 0, hasTab = false
            for index in 0..<count {
                switch base[index] {
                case 0x09: hasTab = true
                case 0x0A:
                    if hasTab { starts[line] = lineStart }
                    line += 1
                    lineStart = index + 1
                    hasTab = false
                default: break
                }
            }
            if hasTab { starts[line] = lineStart }
        }
        tabLineStarts = starts
    }

    /// The same index for a parser that starts `lines` lines into the indexed input.
    func shifted(by lines: Int) -> TabCheck {
        var shifted = self
        shifted.lineShift = lines
        return shifted
    }

    /// The 0-based column of a tab next to a block-context scalar from `start` to `end`, if any.
    func tabColumn(around start: yaml_mark_t, _ end: yaml_mark_t) -> (line: Int, column: Int)? {
        if let offset = offset(of: start) {
            var index = offset - 1
            while index >= 0, base[index] == 0x20 || base[index] == 0x09 {
                if base[index] == 0x09 { return (Int(start.line), Int(start.column) - (offset - index)) }
                index -= 1
            }
        }
        if let offset = offset(of: end) {
            var index = offset
            while index < count, base[index] == 0x20 || base[index] == 0x09 {
                if base[index] == 0x09 { return (Int(end.line), Int(end.column) + (index - offset)) }
                index += 1
            }
        }
        return nil
    }

    /// Byte offset of a mark on a line that has a tab (columns count characters, not bytes).
    private func offset(of mark: yaml_mark_t) -> Int? {
        guard let lineStart = tabLineStarts[Int(mark.line) + lineShift] else { return nil }
        var index = lineStart, characters = 0
        while characters < Int(mark.column), index < count {
            index += 1
            while index < count, base[index] & 0xC0 == 0x80 { index += 1 }
            characters += 1
        }
        return index
    }
}
