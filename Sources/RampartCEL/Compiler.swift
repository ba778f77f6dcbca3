/// Turns a checked expression into evaluation nodes: names become slots, calls become bound closures,
/// macros become direct loops, and constant regular expressions are compiled once (a bad one is a
/// compile error, as in Kubernetes' program construction).
struct Compiler {
    private let references: [Int: Reference]
    private let registry: FunctionRegistry
    private let lineIndex: LineIndex
    private(set) var variableSlots: [String: Int] = [:]
    private var locals: [(name: String, slot: Int)] = []
    private(set) var slotCount = 0

    init(references: [Int: Reference], registry: FunctionRegistry, source: String) {
        self.references = references
        self.registry = registry
        self.lineIndex = LineIndex(source)
    }

    private func failure(_ message: String, at expr: Expr) -> CELCompileError {
        let (line, column) = lineIndex.position(of: expr.offset)
        return CELCompileError(message: message, line: line, column: column)
    }

    private mutating func newSlot() -> Int {
        slotCount += 1
        return slotCount - 1
    }

    private mutating func variable(_ name: String) -> Node {
        if let slot = variableSlots[name] { return SlotNode(slot: slot, name: name) }
        let slot = newSlot()
        variableSlots[name] = slot
        return SlotNode(slot: slot, name: name)
    }

    private func local(_ name: String) -> Int? {
        locals.last { $0.name == name }?.slot
    }

    mutating func compile(_ expr: Expr) throws(CELCompileError) -> Node {
        switch expr.kind {
        case .literal(let value):
            return ConstantNode(value)
        case .ident(let name):
            if !name.hasPrefix("."), let slot = local(name) { return SlotNode(slot: slot, name: name) }
            return resolved(expr) ?? UnknownNameNode(name.hasPrefix(".") ? String(name.dropFirst()) : name)
        case .select(let operand, let field, let testOnly):
            if !testOnly, let node = resolved(expr) { return node }
            return SelectNode(try compile(operand), field, testOnly: testOnly)
        case .call(let function, let target, let args):
            if case .function(let full)? = references[expr.id] {
                return try call(full, member: false, args.map { (e) throws(CELCompileError) in try compile(e) }, at: expr, rawArgs: args)
            }
            var nodes: [Node] = []
            var raw = args
            if let target {
                nodes.append(try compile(target))
                raw.insert(target, at: 0)
            }
            for arg in args { nodes.append(try compile(arg)) }
            return try call(function, member: target != nil, nodes, at: expr, rawArgs: raw)
        case .list(let elements, let optionalIndices):
            let nodes = try elements.map { (e) throws(CELCompileError) in try compile(e) }
            if optionalIndices.isEmpty, let constant = constantList(nodes) { return ConstantNode(constant) }
            return ListNode(nodes, optional: elements.indices.map { optionalIndices.contains($0) })
        case .map(let entries), .object(_, let entries):
            var keys: [Node] = [], values: [Node] = []
            for entry in entries {
                keys.append(try compile(entry.key))
                values.append(try compile(entry.value))
            }
            return MapNode(keys: keys, values: values, optional: entries.map(\.optional))
        case .comprehension(let c):
            return try comprehension(c)
        }
    }

    private func constantList(_ nodes: [Node]) -> CELValue? {
        var values: [CELValue] = []
        for node in nodes {
            guard let constant = node as? ConstantNode else { return nil }
            values.append(constant.value)
        }
        return .list(values)
    }

    private mutating func resolved(_ expr: Expr) -> Node? {
        switch references[expr.id] {
        case .variable(let full)?: return variable(full)
        case .type(let type)?: return ConstantNode(.type(type.runtimeType))
        default: return nil
        }
    }

    private mutating func call(_ name: String, member: Bool, _ args: [Node], at expr: Expr, rawArgs: [Expr]) throws(CELCompileError) -> Node {
        switch (name, args.count) {
        case ("_&&_", 2): return LogicNode(args[0], args[1], isAnd: true)
        case ("_||_", 2): return LogicNode(args[0], args[1], isAnd: false)
        case ("_?_:_", 3): return ConditionalNode(args[0], args[1], args[2])
        case ("!_", 1): return NotNode(args[0])
        case ("_==_", 2): return EqualsNode(args[0], args[1], negated: false)
        case ("_!=_", 2): return EqualsNode(args[0], args[1], negated: true)
        case ("@not_strictly_false", 1): return NotStrictlyFalseNode(args[0])
        default: break
        }
        if let node = try constantRegexCall(name, member: member, args, rawArgs: rawArgs, at: expr) { return node }
        guard let implementation = registry.lookup(name, member: member, arity: args.count) else {
            let shown = name
            return CallNode(args, sized: false) { (_) throws(CELEvaluationError) in throw CELEvaluationError("no matching overload for '\(shown)'") }
        }
        let sized = !Self.constantTime.contains(name)
        switch implementation {
        case .unary(let f): return Call1Node(args[0], sized: sized, f)
        case .binary(let f): return Call2Node(args[0], args[1], sized: sized, f)
        case .nary(let f): return CallNode(args, sized: sized, f)
        }
    }

    /// Functions whose work does not grow with their arguments: one cost unit, whatever the sizes.
    static let constantTime: Set<String> = [
        "_[_]", "_[?_]", "_?._", "size", "dyn", "type", "optional.of", "optional.ofNonZeroValue", "optional.none",
        "hasValue", "value", "or", "orValue", "first", "last", "int", "uint", "double", "bool", "duration", "timestamp",
    ]

    /// `s.matches('re')`, `s.find('re')`, `s.findAll('re'[, n])` with a literal pattern: compiled now.
    private func constantRegexCall(_ name: String, member: Bool, _ args: [Node], rawArgs: [Expr], at expr: Expr) throws(CELCompileError) -> Node? {
        guard ["matches", "find", "findAll"].contains(name), args.count >= 2,
              case .literal(.string(let pattern)) = rawArgs[1].kind else { return nil }
        let regex: CompiledRegex
        do {
            regex = try RegexSupport.compile(pattern)
        } catch {
            throw failure("compile error: program instantiation failed: \(error.message)", at: expr)
        }
        switch (name, args.count) {
        case ("matches", 2):
            return Call1Node(args[0], sized: true) { (s) throws(CELEvaluationError) in
                guard case .string(let text) = s else { throw .noSuchOverload("matches") }
                return .bool(regex.matches(text))
            }
        case ("find", 2) where member:
            return Call1Node(args[0], sized: true) { (s) throws(CELEvaluationError) in
                guard case .string(let text) = s else { throw .noSuchOverload("find") }
                return .string(regex.find(text))
            }
        case ("findAll", 2) where member:
            return Call1Node(args[0], sized: true) { (s) throws(CELEvaluationError) in
                guard case .string(let text) = s else { throw .noSuchOverload("findAll") }
                return .list(regex.findAll(text, limit: -1).map { .string($0) })
            }
        case ("findAll", 3) where member:
            return Call2Node(args[0], args[2], sized: true) { (s, n) throws(CELEvaluationError) in
                guard case .string(let text) = s, case .int(let limit) = n else { throw .noSuchOverload("findAll") }
                return .list(regex.findAll(text, limit: Int(clamping: limit)).map { .string($0) })
            }
        default:
            return nil
        }
    }

    private mutating func comprehension(_ c: Expr.Comprehension) throws(CELCompileError) -> Node {
        let range = try compile(c.iterRange)
        let iteration = IterationSlots(first: newSlot(), second: c.iterVar2 == nil ? nil : newSlot())
        if let macro = c.macro {
            locals.append((c.iterVar, iteration.first))
            if let second = c.iterVar2, let slot = iteration.second { locals.append((second, slot)) }
            defer { locals.removeLast(c.iterVar2 == nil ? 1 : 2) }
            switch macro {
            case .all(let p): return QuantifierNode(range: range, iteration: iteration, predicate: try compile(p), isAll: true)
            case .exists(let p): return QuantifierNode(range: range, iteration: iteration, predicate: try compile(p), isAll: false)
            case .existsOne(let p): return ExistsOneNode(range: range, iteration: iteration, predicate: try compile(p))
            case .filter(let p):
                return CollectNode(range: range, iteration: iteration, filter: try compile(p), transform: nil, output: .list)
            case .map(let f, let t), .transformList(let f, let t):
                let filter = try f.map { (e) throws(CELCompileError) in try compile(e) }
                return CollectNode(range: range, iteration: iteration, filter: filter, transform: try compile(t), output: .list)
            case .transformMap(let f, let t), .transformMapEntry(let f, let t):
                let filter = try f.map { (e) throws(CELCompileError) in try compile(e) }
                let output: CollectNode.Output
                if case .transformMap = macro { output = .map } else { output = .mergedMaps }
                return CollectNode(range: range, iteration: iteration, filter: filter, transform: try compile(t), output: output)
            }
        }
        let accuInit = try compile(c.accuInit)
        let accuSlot = newSlot()
        locals.append((c.accuVar, accuSlot))
        let condition = try compile(c.loopCondition)
        locals.append((c.iterVar, iteration.first))
        if let second = c.iterVar2, let slot = iteration.second { locals.append((second, slot)) }
        let step = try compile(c.loopStep)
        locals.removeLast(c.iterVar2 == nil ? 1 : 2)
        let result = try compile(c.result)
        locals.removeLast()
        return FoldNode(range: range, iteration: iteration, accuSlot: accuSlot, accuInit: accuInit,
                        condition: condition, step: step, result: result)
    }
}
