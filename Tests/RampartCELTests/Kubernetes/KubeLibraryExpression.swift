@testable import RampartCEL

/// Evaluates the expressions of the Kubernetes library cases: literals, `self` fields, list indexes, calls of the
/// library functions and methods, `==`, `!=`, `>`, `<`, `!`, `&&`, `||`, `type()`, optionals. Test
/// support only, so that the cases run from the conformance JSON as written; the real evaluator is
/// the CEL core's.
struct KubeLibraryExpression {
    /// How an evaluation ends when it does not give a value.
    enum Failure: Error {
        /// What the CEL checker would reject (no overload for these argument types).
        case compile(String)
        /// A runtime error with the library's message.
        case runtime(String)
    }

    private enum Token: Equatable {
        case identifier(String)
        case string(String)
        case int(Int64)
        case double(Double)
        case symbol(String)
    }

    private var tokens: [Token]
    private var position = 0
    private let variables: [String: KubeLibraryValue]

    /// Evaluates `source` with these variables.
    static func evaluate(_ source: String, variables: [String: KubeLibraryValue]) throws -> KubeLibraryValue {
        var expression = KubeLibraryExpression(tokens: try tokenize(source), variables: variables)
        let value = try expression.parseOr()
        guard expression.position == expression.tokens.count else { throw KubeLibraryCaseError("trailing input in \(source)") }
        return value
    }

    private init(tokens: [Token], variables: [String: KubeLibraryValue]) {
        self.tokens = tokens
        self.variables = variables
    }

    // MARK: Lexer

    private static func tokenize(_ source: String) throws -> [Token] {
        let scalars = Array(source.unicodeScalars)
        var tokens: [Token] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == " " || scalar == "\n" {
                index += 1
            } else if scalar == "\"" || scalar == "'" {
                var text = String.UnicodeScalarView()
                index += 1
                while index < scalars.count && scalars[index] != scalar {
                    if scalars[index] == "\\" && index + 1 < scalars.count {
                        index += 1
                        text.append(scalars[index] == "n" ? "\n" : scalars[index])
                    } else {
                        text.append(scalars[index])
                    }
                    index += 1
                }
                guard index < scalars.count else { throw KubeLibraryCaseError("unterminated string in \(source)") }
                index += 1
                tokens.append(.string(String(text)))
            } else if scalar.properties.numericType == .decimal && scalar.isASCII {
                var text = ""
                while index < scalars.count && (scalars[index].isASCII && (scalars[index].properties.numericType == .decimal || scalars[index] == ".")) {
                    text.unicodeScalars.append(scalars[index])
                    index += 1
                }
                if text.contains("."), let value = Double(text) {
                    tokens.append(.double(value))
                } else if let value = Int64(text) {
                    tokens.append(.int(value))
                } else {
                    throw KubeLibraryCaseError("bad number \(text)")
                }
            } else if scalar.properties.isAlphabetic || scalar == "_" {
                var text = ""
                while index < scalars.count && (scalars[index].properties.isAlphabetic || scalars[index] == "_"
                        || (scalars[index].isASCII && scalars[index].properties.numericType == .decimal)) {
                    text.unicodeScalars.append(scalars[index])
                    index += 1
                }
                tokens.append(.identifier(text))
            } else {
                let pair = index + 1 < scalars.count ? String(scalar) + String(scalars[index + 1]) : ""
                if ["==", "!=", "&&", "||", ">=", "<="].contains(pair) {
                    tokens.append(.symbol(pair))
                    index += 2
                } else {
                    tokens.append(.symbol(String(scalar)))
                    index += 1
                }
            }
        }
        return tokens
    }

    // MARK: Parser and evaluator

    private func peek(_ offset: Int = 0) -> Token? {
        position + offset < tokens.count ? tokens[position + offset] : nil
    }

    private mutating func accept(_ symbol: String) -> Bool {
        guard peek() == .symbol(symbol) else { return false }
        position += 1
        return true
    }

    private mutating func expect(_ symbol: String) throws {
        guard accept(symbol) else { throw KubeLibraryCaseError("expected \(symbol) at token \(position)") }
    }

    private mutating func parseOr() throws -> KubeLibraryValue {
        var value = try parseAnd()
        while accept("||") {
            let right = try parseAnd()
            value = .bool(try Self.truth(value) || Self.truth(right))
        }
        return value
    }

    private mutating func parseAnd() throws -> KubeLibraryValue {
        var value = try parseRelation()
        while accept("&&") {
            let right = try parseRelation()
            value = .bool(try Self.truth(value) && Self.truth(right))
        }
        return value
    }

    private mutating func parseRelation() throws -> KubeLibraryValue {
        let left = try parseUnary()
        for symbol in ["==", "!=", ">", "<"] where accept(symbol) {
            let right = try parseUnary()
            switch (symbol, left, right) {
            case ("==", _, _): return .bool(left == right)
            case ("!=", _, _): return .bool(left != right)
            case (">", .int(let a), .int(let b)): return .bool(a > b)
            case ("<", .int(let a), .int(let b)): return .bool(a < b)
            default: throw Failure.compile("no matching overload for '\(symbol)'")
            }
        }
        return left
    }

    private mutating func parseUnary() throws -> KubeLibraryValue {
        if accept("!") { return .bool(!(try Self.truth(try parseUnary()))) }
        if accept("-") {
            switch try parseUnary() {
            case .int(let value): return .int(-value)
            case .double(let value): return .double(-value)
            default: throw Failure.compile("no matching overload for '-_'")
            }
        }
        return try parsePostfix()
    }

    private mutating func parsePostfix() throws -> KubeLibraryValue {
        var value = try parsePrimary()
        while true {
            if accept("[") {
                let index = try parseOr()
                try expect("]")
                guard case .list(let items) = value, case .int(let position) = index else {
                    throw Failure.compile("no matching overload for '_[_]'")
                }
                guard position >= 0, position < items.count else { throw Failure.runtime("index out of bounds: \(position)") }
                value = items[Int(position)]
                continue
            }
            guard accept(".") else { break }
            guard case .identifier(let name) = peek() else { throw KubeLibraryCaseError("expected a member name") }
            position += 1
            if accept("(") {
                value = try KubeLibraryFunctions.member(value, name, try parseArguments(closing: ")"))
            } else if case .map(let map) = value, let field = map[name] {
                value = field
            } else {
                throw Failure.runtime("no such key: \(name)")
            }
        }
        return value
    }

    private mutating func parseArguments(closing: String) throws -> [KubeLibraryValue] {
        var arguments: [KubeLibraryValue] = []
        if accept(closing) { return arguments }
        repeat {
            arguments.append(try parseOr())
        } while accept(",")
        try expect(closing)
        return arguments
    }

    private mutating func parsePrimary() throws -> KubeLibraryValue {
        guard let token = peek() else { throw KubeLibraryCaseError("unexpected end") }
        position += 1
        switch token {
        case .string(let text): return .string(text)
        case .int(let value): return .int(value)
        case .double(let value): return .double(value)
        case .identifier("true"): return .bool(true)
        case .identifier("false"): return .bool(false)
        case .identifier(let name):
            if let value = variables[name] { return value }
            var qualified = name
            while peek() == .symbol("."), case .identifier(let part) = peek(1) {
                qualified += "." + part
                position += 2
            }
            if accept("(") { return try KubeLibraryFunctions.global(qualified, try parseArguments(closing: ")")) }
            return .type(qualified)
        case .symbol("("):
            let value = try parseOr()
            try expect(")")
            return value
        case .symbol("["):
            return .list(try parseArguments(closing: "]"))
        case .symbol("{"):
            var map: [String: KubeLibraryValue] = [:]
            if accept("}") { return .map(map) }
            repeat {
                guard case .string(let key) = try parseOr() else { throw KubeLibraryCaseError("map key") }
                try expect(":")
                map[key] = try parseOr()
            } while accept(",")
            try expect("}")
            return .map(map)
        default:
            throw KubeLibraryCaseError("unexpected token \(token)")
        }
    }

    private static func truth(_ value: KubeLibraryValue) throws -> Bool {
        guard case .bool(let bool) = value else { throw Failure.compile("no matching overload: not a bool") }
        return bool
    }
}
