/// Parses CEL source into an `Expr` tree, expanding macros, within cel-go's limits: 100,000 code points,
/// a nesting depth of 250 (parentheses, operands, calls), and no operator chain deeper than that.
struct Parser {
    static let maxSourceLength = 100_000
    static let maxDepth = 250

    struct Failure: Error {
        let message: String
        let offset: Int
    }

    private var tokens: [Token] = []
    private var position = 0
    private var depth = 0
    private var nextID = 1
    private let macros: Bool

    init(macros: Bool) {
        self.macros = macros
    }

    static let reserved: Set<String> = [
        "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let", "loop",
        "package", "namespace", "return", "var", "void", "while",
    ]

    mutating func parse(_ source: String) throws(Failure) -> Expr {
        var count = 0
        for _ in source.unicodeScalars {
            count += 1
            if count > Self.maxSourceLength {
                throw Failure(message: "expression code point size exceeds limit: size: \(source.unicodeScalars.count), limit \(Self.maxSourceLength)", offset: 0)
            }
        }
        var lexer = Lexer(source)
        do {
            tokens = try lexer.tokenize()
        } catch {
            throw Failure(message: error.message, offset: error.offset)
        }
        let expr = try parseExpr()
        guard case .end = current.kind else { throw unexpected() }
        return expr
    }

    // MARK: tokens

    private var current: Token { tokens[position] }

    private mutating func advance() {
        if position < tokens.count - 1 { position += 1 }
    }

    private func isPunct(_ text: String) -> Bool {
        if case .punct(let p) = current.kind { return p == text }
        return false
    }

    private mutating func accept(_ text: String) -> Bool {
        guard isPunct(text) else { return false }
        advance()
        return true
    }

    private mutating func expect(_ text: String) throws(Failure) {
        guard accept(text) else { throw unexpected(expecting: text) }
    }

    private func unexpected(expecting: String? = nil) -> Failure {
        let found: String
        switch current.kind {
        case .end: found = "<EOF>"
        case .punct(let p): found = "'\(p)'"
        case .identifier(let name): found = "'\(name)'"
        default: found = "literal"
        }
        let tail = expecting.map { " expecting '\($0)'" } ?? ""
        return Failure(message: "Syntax error: mismatched input \(found)\(tail)", offset: current.offset)
    }

    private mutating func node(_ kind: Expr.Kind, at offset: Int) -> Expr {
        defer { nextID += 1 }
        return Expr(id: nextID, offset: offset, kind: kind)
    }

    private mutating func call(_ function: String, _ args: [Expr], at offset: Int, target: Expr? = nil) -> Expr {
        node(.call(function: function, target: target, args: args), at: offset)
    }

    private mutating func enter() throws(Failure) {
        depth += 1
        if depth > Self.maxDepth {
            throw Failure(message: "expression recursion limit exceeded: \(Self.maxDepth)", offset: current.offset)
        }
    }

    // MARK: grammar

    private mutating func parseExpr() throws(Failure) -> Expr {
        try enter()
        defer { depth -= 1 }
        let condition = try parseLogical("||", function: "_||_") { (p: inout Parser) throws(Failure) in
            try p.parseLogical("&&", function: "_&&_") { (q: inout Parser) throws(Failure) in try q.parseRelation() }
        }
        guard isPunct("?") else { return condition }
        let offset = current.offset
        advance()
        let whenTrue = try parseLogical("||", function: "_||_") { (p: inout Parser) throws(Failure) in
            try p.parseLogical("&&", function: "_&&_") { (q: inout Parser) throws(Failure) in try q.parseRelation() }
        }
        try expect(":")
        let whenFalse = try parseExpr()
        return call("_?_:_", [condition, whenTrue, whenFalse], at: offset)
    }

    /// A chain of `||` or `&&`, built as a balanced tree (the operators are associative).
    private mutating func parseLogical(
        _ op: String, function: String, operand: (inout Parser) throws(Failure) -> Expr
    ) throws(Failure) -> Expr {
        var operands = [try operand(&self)]
        var offsets: [Int] = []
        while isPunct(op) {
            offsets.append(current.offset)
            advance()
            operands.append(try operand(&self))
        }
        return balance(operands, offsets, operands.startIndex, operands.endIndex - 1, function: function)
    }

    private mutating func balance(_ operands: [Expr], _ offsets: [Int], _ low: Int, _ high: Int, function: String) -> Expr {
        if low == high { return operands[low] }
        let middle = (low + high + 1) / 2
        let left = balance(operands, offsets, low, middle - 1, function: function)
        let right = balance(operands, offsets, middle, high, function: function)
        return call(function, [left, right], at: offsets[middle - 1])
    }

    /// Binary operators below `&&`, by precedence level: relations, then additions, then multiplications.
    private static let binaryOperators: [String: (function: String, level: Int)] = [
        "<": ("_<_", 1), "<=": ("_<=_", 1), ">": ("_>_", 1), ">=": ("_>=_", 1), "==": ("_==_", 1), "!=": ("_!=_", 1),
        "+": ("_+_", 2), "-": ("_-_", 2), "*": ("_*_", 3), "/": ("_/_", 3), "%": ("_%_", 3),
    ]

    private func binaryOperator() -> (function: String, level: Int)? {
        switch current.kind {
        case .inKeyword: ("@in", 1)
        case .punct(let p): Self.binaryOperators[p]
        default: nil
        }
    }

    private mutating func parseRelation() throws(Failure) -> Expr {
        try parseBinary(above: 1)
    }

    /// Left-associative binary operators of at least `minimum` level, by precedence climbing (one
    /// function for the three levels keeps the stack shallow); a chain counts against the nesting limit.
    private mutating func parseBinary(above minimum: Int) throws(Failure) -> Expr {
        var left = try parseUnary()
        var chain = 0
        while let (function, level) = binaryOperator(), level >= minimum {
            let offset = current.offset
            advance()
            chain += 1
            try chainLimit(chain)
            let right = try parseBinary(above: level + 1)
            left = call(function, [left, right], at: offset)
        }
        return left
    }

    private func chainLimit(_ chain: Int) throws(Failure) {
        if chain + depth > Self.maxDepth {
            throw Failure(message: "expression recursion limit exceeded: \(Self.maxDepth)", offset: current.offset)
        }
    }

    private mutating func parseUnary() throws(Failure) -> Expr {
        let offset = current.offset
        if isPunct("!") {
            var count = 0
            while accept("!") { count += 1 }
            try enter()
            defer { depth -= 1 }
            let operand = try parseMember()
            return count % 2 == 0 ? operand : call("!_", [operand], at: offset)
        }
        if isPunct("-") {
            var count = 0
            while accept("-") { count += 1 }
            try enter()
            defer { depth -= 1 }
            var operand: Expr
            switch current.kind {
            case .int, .double:
                count -= 1
                operand = try parseMemberSuffixes(try parseNegativeLiteral())
            default:
                operand = try parseMember()
            }
            return count % 2 == 0 ? operand : call("-_", [operand], at: offset)
        }
        return try parseMember()
    }

    private mutating func parseNegativeLiteral() throws(Failure) -> Expr {
        let token = current
        advance()
        switch token.kind {
        case .int(let magnitude, _):
            guard magnitude <= UInt64(Int64.max) + 1 else { throw Failure(message: "invalid int literal", offset: token.offset) }
            let value = magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
            return node(.literal(.int(value)), at: token.offset)
        case .double(let value):
            return node(.literal(.double(-value)), at: token.offset)
        default:
            throw unexpected()
        }
    }

    private mutating func parseMember() throws(Failure) -> Expr {
        try parseMemberSuffixes(try parsePrimary())
    }

    private mutating func parseMemberSuffixes(_ primary: Expr) throws(Failure) -> Expr {
        var expr = primary
        var chain = 0
        while true {
            let offset = current.offset
            if accept(".") || isPunct(".?") {
                let optional = isPunct(".?")
                if optional { advance() }
                guard case .identifier(let field) = current.kind else { throw unexpected() }
                let fieldName = field.hasPrefix("`") ? String(field.dropFirst()) : field
                advance()
                chain += 1
                try chainLimit(chain)
                if optional {
                    expr = call("_?._", [expr, node(.literal(.string(fieldName)), at: offset)], at: offset)
                } else if !field.hasPrefix("`") && isPunct("(") {
                    advance()
                    let args = try parseArguments(closing: ")")
                    expr = try receiverCall(fieldName, target: expr, args: args, at: offset)
                } else {
                    expr = node(.select(operand: expr, field: fieldName, testOnly: false), at: offset)
                }
            } else if isPunct("[") || isPunct("[?") {
                let optional = isPunct("[?")
                advance()
                chain += 1
                try chainLimit(chain)
                let index = try parseExpr()
                try expect("]")
                expr = call(optional ? "_[?_]" : "_[_]", [expr, index], at: offset)
            } else if isPunct("{"), let typeName = expr.qualifiedName {
                guard Self.isObjectTypeName(typeName) else {
                    throw Failure(message: "message construction is not supported (no protobuf message types)", offset: offset)
                }
                advance()
                expr = node(.object(typeName: typeName, fields: try parseObjectFields()), at: offset)
            } else {
                return expr
            }
        }
    }

    private mutating func parseArguments(closing: String) throws(Failure) -> [Expr] {
        var args: [Expr] = []
        if accept(closing) { return args }
        while true {
            args.append(try parseExpr())
            if accept(closing) { return args }
            try expect(",")
        }
    }

    private mutating func parsePrimary() throws(Failure) -> Expr {
        let token = current
        switch token.kind {
        case .int(let magnitude, _):
            advance()
            guard magnitude <= UInt64(Int64.max) else { throw Failure(message: "invalid int literal", offset: token.offset) }
            return node(.literal(.int(Int64(magnitude))), at: token.offset)
        case .uint(let value):
            advance()
            return node(.literal(.uint(value)), at: token.offset)
        case .double(let value):
            advance()
            return node(.literal(.double(value)), at: token.offset)
        case .string(let value):
            advance()
            return node(.literal(.string(value)), at: token.offset)
        case .bytes(let value):
            advance()
            return node(.literal(.bytes(value)), at: token.offset)
        case .trueLiteral:
            advance()
            return node(.literal(.bool(true)), at: token.offset)
        case .falseLiteral:
            advance()
            return node(.literal(.bool(false)), at: token.offset)
        case .nullLiteral:
            advance()
            return node(.literal(.null), at: token.offset)
        case .identifier:
            return try parseIdentifier(leadingDot: false)
        case .punct("."):
            advance()
            guard case .identifier = current.kind else { throw unexpected() }
            return try parseIdentifier(leadingDot: true)
        case .punct("("):
            advance()
            let inner = try parseExpr()
            try expect(")")
            return inner
        case .punct("["):
            advance()
            return try parseList(at: token.offset, firstOptional: false)
        case .punct("[?"):
            advance()
            return try parseList(at: token.offset, firstOptional: true)
        case .punct("{"):
            advance()
            return try parseMap(at: token.offset)
        default:
            throw unexpected()
        }
    }

    private mutating func parseIdentifier(leadingDot: Bool) throws(Failure) -> Expr {
        let token = current
        guard case .identifier(let name) = token.kind, !name.hasPrefix("`") else { throw unexpected() }
        if Self.reserved.contains(name) {
            throw Failure(message: "reserved identifier: \(name)", offset: token.offset)
        }
        advance()
        let qualified = leadingDot ? "." + name : name
        if accept("(") {
            let args = try parseArguments(closing: ")")
            if macros && !leadingDot, let expanded = try globalMacro(name, args, at: token.offset) { return expanded }
            return call(qualified, args, at: token.offset)
        }
        return node(.ident(qualified), at: token.offset)
    }

    private mutating func parseList(at offset: Int, firstOptional: Bool) throws(Failure) -> Expr {
        var elements: [Expr] = []
        var optionalIndices: [Int] = firstOptional ? [0] : []
        while !isPunct("]") {
            if accept("?") { optionalIndices.append(elements.count) }
            elements.append(try parseExpr())
            if !accept(",") { break }
        }
        try expect("]")
        return node(.list(elements: elements, optionalIndices: optionalIndices), at: offset)
    }

    private mutating func parseMap(at offset: Int) throws(Failure) -> Expr {
        var entries: [Expr.MapEntry] = []
        while !isPunct("}") {
            let optional = accept("?")
            let key = try parseExpr()
            try expect(":")
            let value = try parseExpr()
            entries.append(Expr.MapEntry(key: key, value: value, optional: optional))
            if !accept(",") { break }
        }
        try expect("}")
        return node(.map(entries: entries), at: offset)
    }

    /// The type names of Kubernetes mutating admission's object construction: `Object`, `Object.spec...`, `JSONPatch`.
    static func isObjectTypeName(_ name: String) -> Bool {
        name == "JSONPatch" || name == "Object" || name.hasPrefix("Object.")
    }

    /// `field: value, ?field: value, ... }` after the opening brace; keys become string literals.
    private mutating func parseObjectFields() throws(Failure) -> [Expr.MapEntry] {
        var fields: [Expr.MapEntry] = []
        while !isPunct("}") {
            let optional = accept("?")
            let offset = current.offset
            guard case .identifier(let name) = current.kind else { throw unexpected() }
            advance()
            let field = name.hasPrefix("`") ? String(name.dropFirst()) : name
            try expect(":")
            let value = try parseExpr()
            fields.append(Expr.MapEntry(key: node(.literal(.string(field)), at: offset), value: value, optional: optional))
            if !accept(",") { break }
        }
        try expect("}")
        return fields
    }

    // MARK: macros

    private mutating func globalMacro(_ name: String, _ args: [Expr], at offset: Int) throws(Failure) -> Expr? {
        guard name == "has", args.count == 1 else { return nil }
        guard case .select(let operand, let field, false) = args[0].kind else {
            throw Failure(message: "invalid argument to has() macro", offset: args[0].offset)
        }
        return node(.select(operand: operand, field: field, testOnly: true), at: offset)
    }

    private mutating func receiverCall(_ name: String, target: Expr, args: [Expr], at offset: Int) throws(Failure) -> Expr {
        if macros, let expanded = try receiverMacro(name, target: target, args: args, at: offset) { return expanded }
        return call(name, args, at: offset, target: target)
    }

    private func variableName(_ expr: Expr) throws(Failure) -> String {
        guard case .ident(let name) = expr.kind, !name.hasPrefix(".") else {
            throw Failure(message: "argument must be a simple name", offset: expr.offset)
        }
        return name
    }

    static let accumulator = "@result"

    /// `opt.optMap(x, e)`: `opt.hasValue() ? optional.of(e[x := opt.value()]) : optional.none()`;
    /// `optFlatMap` leaves out the `optional.of`. The binding is a fold over an empty list.
    private mutating func optionalMacro(_ wraps: Bool, target: Expr, args: [Expr], at offset: Int) throws(Failure) -> Expr {
        let name = try variableName(args[0])
        let bound = Expr.Comprehension(
            iterVar: "#unused", iterVar2: nil, iterRange: node(.list(elements: [], optionalIndices: []), at: offset),
            accuVar: name, accuInit: call("value", [], at: offset, target: target),
            loopCondition: node(.literal(.bool(false)), at: offset), loopStep: node(.ident(name), at: offset),
            result: args[1], macro: nil)
        var body = node(.comprehension(bound), at: offset)
        if wraps { body = call("optional.of", [body], at: offset) }
        return call("_?_:_", [call("hasValue", [], at: offset, target: target), body, call("optional.none", [], at: offset)], at: offset)
    }

    private mutating func receiverMacro(_ name: String, target: Expr, args: [Expr], at offset: Int) throws(Failure) -> Expr? {
        switch (name, args.count) {
        case ("optMap", 2), ("optFlatMap", 2): return try optionalMacro(name == "optMap", target: target, args: args, at: offset)
        case ("sortBy", 2):
            let keys = try receiverMacro("map", target: target, args: args, at: offset)
            return call("@sortByAssociatedKeys", [target, keys ?? target], at: offset)
        default: break
        }
        let twoVariables: Bool
        switch (name, args.count) {
        case ("all", 2), ("exists", 2), ("exists_one", 2), ("map", 2), ("map", 3), ("filter", 2): twoVariables = false
        case ("all", 3), ("exists", 3), ("existsOne", 3), ("exists_one", 3), ("transformList", 3), ("transformList", 4),
             ("transformMap", 3), ("transformMap", 4), ("transformMapEntry", 3), ("transformMapEntry", 4): twoVariables = true
        default: return nil
        }
        let first = try variableName(args[0])
        let second = twoVariables ? try variableName(args[1]) : nil
        if first == Self.accumulator || second == Self.accumulator {
            throw Failure(message: "iteration variable overwrites accumulator variable", offset: args[0].offset)
        }
        if let second, second == first {
            throw Failure(message: "overlapping identifier for name '\(first)'", offset: args[1].offset)
        }
        let body = Array(args.dropFirst(twoVariables ? 2 : 1))
        let result = node(.ident(Self.accumulator), at: offset)
        let macro: Expr.Macro
        let accuInit: Expr, condition: Expr, step: Expr, finalResult: Expr
        func accu(_ p: inout Parser) -> Expr { p.node(.ident(Self.accumulator), at: offset) }
        switch name {
        case "all":
            macro = .all(predicate: body[0])
            accuInit = node(.literal(.bool(true)), at: offset)
            condition = call("@not_strictly_false", [accu(&self)], at: offset)
            step = call("_&&_", [accu(&self), body[0]], at: offset)
            finalResult = result
        case "exists":
            macro = .exists(predicate: body[0])
            accuInit = node(.literal(.bool(false)), at: offset)
            condition = call("@not_strictly_false", [call("!_", [accu(&self)], at: offset)], at: offset)
            step = call("_||_", [accu(&self), body[0]], at: offset)
            finalResult = result
        case "exists_one", "existsOne":
            macro = .existsOne(predicate: body[0])
            accuInit = node(.literal(.int(0)), at: offset)
            condition = node(.literal(.bool(true)), at: offset)
            step = call("_?_:_", [body[0], call("_+_", [accu(&self), node(.literal(.int(1)), at: offset)], at: offset), accu(&self)], at: offset)
            finalResult = call("_==_", [result, node(.literal(.int(1)), at: offset)], at: offset)
        case "map", "transformList":
            let filter = body.count == 2 ? body[0] : nil
            let transform = body[body.count - 1]
            macro = name == "map" ? .map(filter: filter, transform: transform) : .transformList(filter: filter, transform: transform)
            accuInit = node(.list(elements: [], optionalIndices: []), at: offset)
            condition = node(.literal(.bool(true)), at: offset)
            let appended = call("_+_", [accu(&self), node(.list(elements: [transform], optionalIndices: []), at: offset)], at: offset)
            step = filter.map { call("_?_:_", [$0, appended, accu(&self)], at: offset) } ?? appended
            finalResult = result
        case "transformMap", "transformMapEntry":
            let filter = body.count == 2 ? body[0] : nil
            let transform = body[body.count - 1]
            let entries = name == "transformMapEntry"
            macro = entries ? .transformMapEntry(filter: filter, transform: transform) : .transformMap(filter: filter, transform: transform)
            accuInit = node(.map(entries: []), at: offset)
            condition = node(.literal(.bool(true)), at: offset)
            let inserted = call("@mapInsert", entries ? [accu(&self), transform] : [accu(&self), args[0], transform], at: offset)
            step = filter.map { call("_?_:_", [$0, inserted, accu(&self)], at: offset) } ?? inserted
            finalResult = result
        default: // filter
            macro = .filter(predicate: body[0])
            accuInit = node(.list(elements: [], optionalIndices: []), at: offset)
            condition = node(.literal(.bool(true)), at: offset)
            let appended = call("_+_", [accu(&self), node(.list(elements: [args[0]], optionalIndices: []), at: offset)], at: offset)
            step = call("_?_:_", [body[0], appended, accu(&self)], at: offset)
            finalResult = result
        }
        let comprehension = Expr.Comprehension(
            iterVar: first, iterVar2: second, iterRange: target, accuVar: Self.accumulator, accuInit: accuInit,
            loopCondition: condition, loopStep: step, result: finalResult, macro: macro)
        return node(.comprehension(comprehension), at: offset)
    }
}
