/// What a name in the expression refers to, as the checker resolved it.
enum Reference: Sendable {
    /// A declared variable, by its full (container-resolved) name.
    case variable(String)
    /// A type name used as a value (`int`, `google.protobuf.Duration`).
    case type(CELType)
    /// A call of a global function by its full name (`sets.contains`, possibly written `sets.contains(...)`).
    case function(String)
}

/// Type-checks an expression against an environment (cel-go's algorithm: overload resolution with type
/// parameters, homogeneous aggregate literals) and resolves names. With `strict` false, type errors are
/// not reported, but names are still resolved for the evaluator.
struct Checker {
    let environment: CELEnvironment
    let strict: Bool
    private(set) var types: [Int: CELType] = [:]
    private(set) var references: [Int: Reference] = [:]
    private var substitution: [String: CELType] = [:]
    private var scopes: [[String: CELType]] = []
    private var fresh = 0
    /// Above zero inside the argument of `format`, whose list may mix types (as Kubernetes accepts).
    private var dynamicAggregates = 0
    private var firstError: CELCompileError?
    private let lineIndex: LineIndex

    init(environment: CELEnvironment, strict: Bool, source: String) {
        self.environment = environment
        self.strict = strict
        self.lineIndex = LineIndex(source)
    }

    /// Checks the whole expression; returns its type or throws the first type error.
    mutating func check(_ root: Expr) throws(CELCompileError) -> CELType {
        let type = visit(root)
        if let firstError { throw firstError }
        for (id, t) in types { types[id] = substitute(t, final: true) }
        return substitute(type, final: true)
    }

    private mutating func report(_ message: String, at expr: Expr) {
        guard strict, firstError == nil else { return }
        let (line, column) = lineIndex.position(of: expr.offset)
        firstError = CELCompileError(message: message, line: line, column: column)
    }

    private mutating func record(_ expr: Expr, _ type: CELType) -> CELType {
        types[expr.id] = type
        return type
    }

    // MARK: names

    /// Candidate full names of `name` in the container, most qualified first; a leading dot is absolute.
    private func candidates(_ name: String) -> [String] {
        if name.hasPrefix(".") { return [String(name.dropFirst())] }
        var result: [String] = []
        var container = environment.container
        while !container.isEmpty {
            result.append(container + "." + name)
            if let dot = container.lastIndex(of: ".") { container = String(container[..<dot]) } else { container = "" }
        }
        result.append(name)
        return result
    }

    private func local(_ name: String) -> CELType? {
        for scope in scopes.reversed() { if let t = scope[name] { return t } }
        return nil
    }

    private func rootIdentifier(_ expr: Expr) -> String? {
        switch expr.kind {
        case .ident(let name): name
        case .select(let operand, _, false): rootIdentifier(operand)
        default: nil
        }
    }

    /// A variable or type that the qualified name `a.b.c` denotes as a whole, unless a local shadows its root.
    private func resolveName(_ name: String) -> Reference? {
        if !name.hasPrefix("."), let root = name.split(separator: ".").first, local(String(root)) != nil { return nil }
        for candidate in candidates(name) {
            if environment.variables[candidate] != nil { return .variable(candidate) }
            if candidate != "dyn", let type = CELType.named[candidate] { return .type(type) }
        }
        return nil
    }

    // MARK: expressions

    private mutating func visit(_ expr: Expr) -> CELType {
        switch expr.kind {
        case .literal(let value):
            return record(expr, value.celType)
        case .ident(let name):
            if !name.hasPrefix("."), let t = local(name) { return record(expr, t) }
            switch resolveName(name) {
            case .variable(let full)?:
                references[expr.id] = .variable(full)
                return record(expr, environment.variables[full] ?? .dyn)
            case .type(let type)?:
                references[expr.id] = .type(type)
                return record(expr, .type(type))
            default:
                let container = environment.container
                report("undeclared reference to '\(name.hasPrefix(".") ? String(name.dropFirst()) : name)' (in container '\(container)')", at: expr)
                return record(expr, .error)
            }
        case .select(let operand, let field, let testOnly):
            if !testOnly, let name = expr.qualifiedName, let reference = resolveName(name) {
                references[expr.id] = reference
                switch reference {
                case .variable(let full): return record(expr, environment.variables[full] ?? .dyn)
                case .type(let type): return record(expr, .type(type))
                case .function: break
                }
            }
            let operandType = visit(operand)
            return record(expr, selectType(operandType, field: field, testOnly: testOnly, at: expr))
        case .call(let function, let target, let args):
            let exempt = function == "format" && target != nil && args.count == 1
            if exempt { dynamicAggregates += 1 }
            defer { if exempt { dynamicAggregates -= 1 } }
            return record(expr, visitCall(expr, function: function, target: target, args: args))
        case .list(let elements, let optionalIndices):
            var elementType: CELType?
            for (index, element) in elements.enumerated() {
                var t = visit(element)
                if optionalIndices.contains(index) { t = optionalInner(t, at: element) }
                elementType = join(elementType, t, at: element)
            }
            return record(expr, .list(elementType ?? freshParameter()))
        case .map(let entries):
            var keyType: CELType?, valueType: CELType?
            for entry in entries {
                keyType = join(keyType, visit(entry.key), at: entry.key)
                var v = visit(entry.value)
                if entry.optional { v = optionalInner(v, at: entry.value) }
                valueType = join(valueType, v, at: entry.value, lenient: true)
            }
            return record(expr, .map(keyType ?? freshParameter(), valueType ?? freshParameter()))
        case .object(_, let fields):
            for field in fields {
                let v = visit(field.value)
                if field.optional { _ = optionalInner(v, at: field.value) }
            }
            return record(expr, .dyn)
        case .comprehension(let c):
            return record(expr, visitComprehension(c, at: expr))
        }
    }

    private mutating func optionalInner(_ type: CELType, at expr: Expr) -> CELType {
        let t = substitute(type, final: false)
        switch t {
        case .optional(let inner): return inner
        case .dyn, .error: return .dyn
        case .parameter:
            let inner = freshParameter()
            _ = assign(.optional(inner), t)
            return inner
        default:
            report("expected type 'optional_type' but found '\(display(t))'", at: expr)
            return .error
        }
    }

    /// The type of a homogeneous aggregate literal after one more element. Map values are `lenient`
    /// (mixed values make `dyn`), as the cel-spec conformance data expects of them.
    private mutating func join(_ previous: CELType?, _ current: CELType, at expr: Expr, lenient: Bool = false) -> CELType {
        guard let previous else { return current }
        if assign(previous, current) { return mostGeneral(previous, current) }
        if lenient || dynamicAggregates > 0 { return .dyn }
        report("expected type '\(display(previous))' but found '\(display(current))'", at: expr)
        return previous
    }

    private func mostGeneral(_ a: CELType, _ b: CELType) -> CELType {
        let sa = substitute(a, final: false), sb = substitute(b, final: false)
        if sa == .dyn || sb == .dyn { return .dyn }
        return sa
    }

    private mutating func selectType(_ operandType: CELType, field: String, testOnly: Bool, at expr: Expr) -> CELType {
        var t = substitute(operandType, final: false)
        var optional = false
        if case .optional(let inner) = t {
            optional = true
            t = substitute(inner, final: false)
        }
        let result: CELType
        switch t {
        case .map(_, let value): result = value
        case .dyn, .error, .parameter: result = .dyn
        default:
            report("type '\(display(t))' does not support field selection", at: expr)
            result = .error
        }
        if testOnly { return .bool }
        return optional ? .optional(result) : result
    }

    private mutating func visitComprehension(_ c: Expr.Comprehension, at expr: Expr) -> CELType {
        let rangeType = substitute(visit(c.iterRange), final: false)
        var first: CELType = .dyn, second: CELType = .dyn
        switch rangeType {
        case .list(let element):
            if c.iterVar2 != nil { first = .int; second = element } else { first = element }
        case .map(let key, let value):
            first = key
            second = value
        case .dyn, .error, .parameter:
            break
        default:
            report("expression of type '\(display(rangeType))' cannot be range of a comprehension (must be list, map, or dynamic)", at: c.iterRange)
        }
        let accuType = visit(c.accuInit)
        scopes.append([c.accuVar: accuType])
        let conditionType = visit(c.loopCondition)
        if !assign(.bool, conditionType) {
            report("expected type 'bool' but found '\(display(conditionType))'", at: c.loopCondition)
        }
        var iteration = [c.iterVar: first]
        if let second2 = c.iterVar2 { iteration[second2] = second }
        scopes.append(iteration)
        let stepType = visit(c.loopStep)
        if !assign(accuType, stepType) {
            report("expected type '\(display(accuType))' but found '\(display(stepType))'", at: c.loopStep)
        }
        scopes.removeLast()
        let resultType = visit(c.result)
        scopes.removeLast()
        return resultType
    }

    // MARK: calls

    private mutating func visitCall(_ expr: Expr, function: String, target: Expr?, args: [Expr]) -> CELType {
        // `a.b.f(x)` may name the global function `a.b.f` rather than a member call on `a.b`.
        if let target, let qualifier = target.qualifiedName, resolveName(qualifier) == nil,
           rootIdentifier(target).map({ local($0) == nil }) ?? true {
            for candidate in candidates(qualifier + "." + function) where overloads(candidate)?.contains(where: { !$0.isMember }) == true {
                references[expr.id] = .function(candidate)
                return resolveOverload(candidate, member: false, args: args.map { visit($0) }, at: expr)
            }
        }
        if target == nil {
            for candidate in candidates(function) where overloads(candidate) != nil {
                references[expr.id] = .function(candidate)
                return resolveOverload(candidate, member: false, args: args.map { visit($0) }, at: expr)
            }
        }
        var argTypes = args.map { visit($0) }
        if let target { argTypes.insert(visit(target), at: 0) }
        if function == "_?._" { return optionalSelectType(argTypes, at: expr) }
        guard overloads(function) != nil else {
            report("undeclared reference to '\(function)' (in container '\(environment.container)')", at: expr)
            return .error
        }
        return resolveOverload(function, member: target != nil, args: argTypes, at: expr)
    }

    private func overloads(_ name: String) -> [CELOverload]? {
        environment.functions[name] ?? FunctionDeclarations.all[name]
    }

    private mutating func optionalSelectType(_ argTypes: [CELType], at expr: Expr) -> CELType {
        let operand = substitute(argTypes[0], final: false)
        switch operand {
        case .optional(let inner):
            if case .map(_, let value) = substitute(inner, final: false) { return .optional(value) }
            return .optional(.dyn)
        case .map(_, let value): return .optional(value)
        case .dyn, .error, .parameter: return .optional(.dyn)
        default:
            report("type '\(display(operand))' does not support field selection", at: expr)
            return .error
        }
    }

    private mutating func resolveOverload(_ name: String, member: Bool, args: [CELType], at expr: Expr) -> CELType {
        var resultType: CELType?
        var chosen: [String: CELType]?
        for overload in overloads(name) ?? [] where overload.isMember == member && overload.parameters.count == args.count {
            var renaming: [String: CELType] = [:]
            let parameters = overload.parameters.map { instantiate($0, &renaming) }
            let result = instantiate(overload.result, &renaming)
            var trial = substitution
            var matches = true
            for (parameter, arg) in zip(parameters, args) where !Self.assign(parameter, arg, &trial) {
                matches = false
                break
            }
            guard matches else { continue }
            let concrete = Self.substitute(result, trial, final: false)
            if chosen == nil {
                chosen = trial
                resultType = concrete
            } else if resultType != concrete {
                resultType = .dyn
            }
        }
        guard let chosen, let resultType else {
            let shown = args.map { display($0) }
            let applied = member && !shown.isEmpty
                ? "\(shown[0]).(\(shown.dropFirst().joined(separator: ", ")))" : "(\(shown.joined(separator: ", ")))"
            report("found no matching overload for '\(name)' applied to '\(applied)'", at: expr)
            return .error
        }
        substitution = chosen
        return resultType
    }

    private mutating func freshParameter() -> CELType {
        fresh += 1
        return .parameter("_var\(fresh)")
    }

    private mutating func instantiate(_ type: CELType, _ renaming: inout [String: CELType]) -> CELType {
        switch type {
        case .parameter(let name):
            if let renamed = renaming[name] { return renamed }
            let renamed = freshParameter()
            renaming[name] = renamed
            return renamed
        case .list(let e): return .list(instantiate(e, &renaming))
        case .map(let k, let v): return .map(instantiate(k, &renaming), instantiate(v, &renaming))
        case .optional(let e): return .optional(instantiate(e, &renaming))
        case .type(let e?): return .type(instantiate(e, &renaming))
        case .opaque(let n, let ps): return .opaque(n, ps.map { instantiate($0, &renaming) })
        default: return type
        }
    }

    // MARK: assignability

    private mutating func assign(_ to: CELType, _ from: CELType) -> Bool {
        Self.assign(to, from, &substitution)
    }

    /// Whether a value of type `from` may be used where `to` is expected, binding type parameters.
    static func assign(_ to: CELType, _ from: CELType, _ s: inout [String: CELType]) -> Bool {
        let to = shallow(to, s), from = shallow(from, s)
        if to == from { return true }
        if case .parameter(let name) = to {
            if occurs(name, in: from, s) { return false }
            s[name] = from
            return true
        }
        if case .parameter(let name) = from {
            if occurs(name, in: to, s) { return false }
            s[name] = to
            return true
        }
        switch (to, from) {
        case (.dyn, _), (_, .dyn), (.error, _), (_, .error): return true
        case (.list(let a), .list(let b)), (.optional(let a), .optional(let b)): return assign(a, b, &s)
        case (.map(let k1, let v1), .map(let k2, let v2)): return assign(k1, k2, &s) && assign(v1, v2, &s)
        case (.type, .type):
            return true  // type values compare at run time, whatever types they denote
        case (.opaque(let n1, let p1), .opaque(let n2, let p2)):
            return n1 == n2 && p1.count == p2.count && zip(p1, p2).allSatisfy { assign($0, $1, &s) }
        default: return false
        }
    }

    private static func shallow(_ type: CELType, _ s: [String: CELType]) -> CELType {
        var t = type
        var steps = 0
        while case .parameter(let name) = t, let bound = s[name], steps < 1000 {
            t = bound
            steps += 1
        }
        return t
    }

    private static func occurs(_ name: String, in type: CELType, _ s: [String: CELType]) -> Bool {
        switch shallow(type, s) {
        case .parameter(let other): return other == name
        case .list(let e), .optional(let e), .type(let e?): return occurs(name, in: e, s)
        case .map(let k, let v): return occurs(name, in: k, s) || occurs(name, in: v, s)
        case .opaque(_, let ps): return ps.contains { occurs(name, in: $0, s) }
        default: return false
        }
    }

    private func substitute(_ type: CELType, final: Bool) -> CELType {
        Self.substitute(type, substitution, final: final)
    }

    /// The type with bound parameters replaced; with `final`, unbound parameters become dyn.
    static func substitute(_ type: CELType, _ s: [String: CELType], final: Bool, depth: Int = 0) -> CELType {
        guard depth < 100 else { return .dyn }
        switch shallow(type, s) {
        case .parameter(let name): return final ? .dyn : .parameter(name)
        case .list(let e): return .list(substitute(e, s, final: final, depth: depth + 1))
        case .map(let k, let v): return .map(substitute(k, s, final: final, depth: depth + 1), substitute(v, s, final: final, depth: depth + 1))
        case .optional(let e): return .optional(substitute(e, s, final: final, depth: depth + 1))
        case .type(let e?): return .type(substitute(e, s, final: final, depth: depth + 1))
        case .opaque(let n, let ps): return .opaque(n, ps.map { substitute($0, s, final: final, depth: depth + 1) })
        case let other: return other
        }
    }

    private func display(_ type: CELType) -> String { substitute(type, final: true).description }
}

/// Converts code-point offsets into 1-based lines and columns.
struct LineIndex: Sendable {
    private let lineStarts: [Int]

    init(_ source: String) {
        var starts = [0]
        for (offset, scalar) in source.unicodeScalars.enumerated() where scalar == "\n" { starts.append(offset + 1) }
        lineStarts = starts
    }

    func position(of offset: Int) -> (line: Int, column: Int) {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return (low + 1, offset - lineStarts[low] + 1)
    }
}
