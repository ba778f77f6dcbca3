import RampartModel

/// A problem with one input: which file, which line, and what is wrong. Never contains input content.
public struct InputError: Error, Sendable, Hashable, Codable {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int = 1, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message`, as compilers print it; `file: message` when the problem has no
    /// position in the file (it cannot be read, or it is a live resource).
    public var description: String { line > 0 ? "\(file):\(line):\(column): \(message)" : "\(file): \(message)" }
}
