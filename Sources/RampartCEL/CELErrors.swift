/// A parse or type-check failure, at a 1-based line and column (in Unicode code points) of the source.
public struct CELCompileError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public let line: Int
    public let column: Int

    public init(message: String, line: Int, column: Int) {
        self.message = message
        self.line = line
        self.column = column
    }

    /// `ERROR: <input>:1:5: message`, as cel-go words it.
    public var description: String { "ERROR: <input>:\(line):\(column): \(message)" }
}

/// An evaluation failure (no such key, overflow, no matching overload, cost limit exceeded, ...).
public struct CELEvaluationError: Error, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }

    static func noSuchOverload(_ function: String) -> CELEvaluationError {
        CELEvaluationError("no such overload: \(function)")
    }

    /// Whether this is the "no such overload" of a function given arguments of kinds it does not take.
    var isNoSuchOverload: Bool { message.hasPrefix("no such overload") }

    static let costLimitExceeded = CELEvaluationError("operation cancelled: actual cost limit exceeded")
    static let divisionByZero = CELEvaluationError("division by zero")
    static let moduloByZero = CELEvaluationError("modulus by zero")
    static let overflow = CELEvaluationError("integer overflow")
    static let uintOverflow = CELEvaluationError("unsigned integer overflow")
}
