import RampartModel

/// Calico selector expressions (`app == 'web' && !has(test) || tier in {'a', 'b'}`) as a union of
/// label selectors: the expression in disjunctive normal form, one selector per conjunction.
/// `contains`, `starts with` and `ends with` have no label-selector form: they become `In` the values
/// of the inputs that satisfy them (exact for the inputs).
enum CalicoSelector {
    /// Why an expression cannot be used.
    struct Failure: Error, Sendable {
        let reason: String
    }

    /// The selectors whose union the expression matches (empty: matches nothing).
    static func parse(_ text: String, labels: LabelVocabulary = LabelVocabulary()) throws(Failure) -> [LabelSelector] {
        let tokens = try tokens(text)
        guard tokens.count <= 1000 else { throw Failure(reason: "the expression is too long to model") }
        var parser = Parser(tokens: tokens, labels: labels)
        let expression = try parser.expression(depth: 0)
        guard parser.position == parser.tokens.count else { throw Failure(reason: "unexpected '\(parser.tokens[parser.position])'") }
        return try disjunction(expression, negated: false).map { LabelSelector(requirements: $0) }
    }

    indirect enum Expression {
        case all
        case requirement(LabelSelector.Requirement)
        case not(Expression)
        case and(Expression, Expression)
        case or(Expression, Expression)
    }

    private static let limit = 64

    /// The expression (negated or not) in disjunctive normal form; at most `limit` conjunctions.
    private static func disjunction(_ expression: Expression, negated: Bool) throws(Failure) -> [[LabelSelector.Requirement]] {
        switch (expression, negated) {
        case (.all, false): return [[]]
        case (.all, true): return []
        case (.requirement(let requirement), false): return [[requirement]]
        case (.requirement(let requirement), true): return [[requirement.negated]]
        case (.not(let inner), _): return try disjunction(inner, negated: !negated)
        case (.or(let a, let b), false), (.and(let a, let b), true):
            let result = try disjunction(a, negated: negated) + disjunction(b, negated: negated)
            guard result.count <= limit else { throw Failure(reason: "the expression is too large to model") }
            return result
        case (.and(let a, let b), false), (.or(let a, let b), true):
            let left = try disjunction(a, negated: negated)
            let right = try disjunction(b, negated: negated)
            guard left.count * right.count <= limit else { throw Failure(reason: "the expression is too large to model") }
            return left.flatMap { l in right.map { l + $0 } }
        }
    }

    enum Token: Equatable, CustomStringConvertible {
        case word(String)
        case string(String)
        case symbol(String)

        var description: String {
            switch self {
            case .word(let text), .symbol(let text): text
            case .string(let text): "'\(text)'"
            }
        }
    }

    private static func tokens(_ text: String) throws(Failure) -> [Token] {
        var tokens: [Token] = []
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace {
                index += 1
            } else if character == "'" || character == "\"" {
                guard let end = characters[(index + 1)...].firstIndex(of: character) else { throw Failure(reason: "unterminated string") }
                tokens.append(.string(String(characters[(index + 1)..<end])))
                index = end + 1
            } else if index + 1 < characters.count, ["==", "!=", "&&", "||"].contains(String(characters[index...(index + 1)])) {
                tokens.append(.symbol(String(characters[index...(index + 1)])))
                index += 2
            } else if "!(){},".contains(character) {
                tokens.append(.symbol(String(character)))
                index += 1
            } else if character.isLetter || character.isNumber || "._/-".contains(character) {
                var end = index
                while end < characters.count, characters[end].isLetter || characters[end].isNumber || "._/-".contains(characters[end]) { end += 1 }
                tokens.append(.word(String(characters[index..<end])))
                index = end
            } else {
                throw Failure(reason: "unexpected character '\(character)'")
            }
        }
        return tokens
    }

    /// A recursive-descent parser; nesting deeper than 32 levels is refused.
    struct Parser {
        let tokens: [Token]
        let labels: LabelVocabulary
        var position = 0

        private var next: Token? { position < tokens.count ? tokens[position] : nil }

        private mutating func take(_ token: Token) -> Bool {
            guard next == token else { return false }
            position += 1
            return true
        }

        private mutating func expect(_ token: Token) throws(Failure) {
            guard take(token) else { throw Failure(reason: "expected '\(token)'") }
        }

        mutating func expression(depth: Int) throws(Failure) -> Expression {
            guard depth < 32 else { throw Failure(reason: "the expression nests too deeply") }
            var result = try conjunction(depth: depth)
            while take(.symbol("||")) { result = .or(result, try conjunction(depth: depth)) }
            return result
        }

        private mutating func conjunction(depth: Int) throws(Failure) -> Expression {
            var result = try unary(depth: depth)
            while take(.symbol("&&")) { result = .and(result, try unary(depth: depth)) }
            return result
        }

        private mutating func unary(depth: Int) throws(Failure) -> Expression {
            if take(.symbol("!")) {
                guard depth < 32 else { throw Failure(reason: "the expression nests too deeply") }
                return .not(try unary(depth: depth + 1))
            }
            if take(.symbol("(")) {
                let inner = try expression(depth: depth + 1)
                try expect(.symbol(")"))
                return inner
            }
            guard case .word(let word)? = next else { throw Failure(reason: "expected a label or a function") }
            position += 1
            if ["all", "global", "has"].contains(word), take(.symbol("(")) {
                if word == "has" {
                    guard case .word(let key)? = next else { throw Failure(reason: "has() needs a label") }
                    position += 1
                    try expect(.symbol(")"))
                    return .requirement(.init(key: key, op: .exists, values: []))
                }
                try expect(.symbol(")"))
                return word == "all" ? .all : .not(.all)
            }
            return try comparison(word)
        }

        private mutating func comparison(_ key: String) throws(Failure) -> Expression {
            if take(.symbol("==")) { return .requirement(.init(key: key, op: .in, values: [try value()])) }
            if take(.symbol("!=")) { return .requirement(.init(key: key, op: .notIn, values: [try value()])) }
            if take(.word("in")) { return .requirement(.init(key: key, op: .in, values: try set())) }
            if take(.word("not")) {
                try expect(.word("in"))
                return .requirement(.init(key: key, op: .notIn, values: try set()))
            }
            if take(.word("contains")) {
                let part = try value()
                return .requirement(.init(key: key, op: .in, values: labels.values(of: key) { $0.contains(part) }))
            }
            if take(.word("starts")) {
                try expect(.word("with"))
                let prefix = try value()
                return .requirement(.init(key: key, op: .in, values: labels.values(of: key) { $0.hasPrefix(prefix) }))
            }
            if take(.word("ends")) {
                try expect(.word("with"))
                let suffix = try value()
                return .requirement(.init(key: key, op: .in, values: labels.values(of: key) { $0.hasSuffix(suffix) }))
            }
            throw Failure(reason: "expected an operator after '\(key)'")
        }

        private mutating func value() throws(Failure) -> String {
            guard case .string(let text)? = next else { throw Failure(reason: "expected a quoted value") }
            position += 1
            return text
        }

        private mutating func set() throws(Failure) -> [String] {
            try expect(.symbol("{"))
            var values: [String] = []
            if take(.symbol("}")) { return values }
            repeat { values.append(try value()) } while take(.symbol(","))
            try expect(.symbol("}"))
            return values
        }
    }
}

extension LabelSelector.Requirement {
    /// The requirement that matches exactly the label sets this one does not.
    var negated: LabelSelector.Requirement {
        switch op {
        case .in: .init(key: key, op: .notIn, values: values)
        case .notIn: .init(key: key, op: .in, values: values)
        case .exists: .init(key: key, op: .doesNotExist, values: [])
        case .doesNotExist: .init(key: key, op: .exists, values: [])
        }
    }
}
