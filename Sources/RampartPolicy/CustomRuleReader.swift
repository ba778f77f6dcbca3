import RampartCEL
import RampartLoading
import RampartModel
import RampartRules
import RampartTenancy

/// Reads custom rules, strictly: from the configuration's `customRules:` list, or from a rule file
/// (`kind: CustomRule`, one rule a document). Unknown keys, missing or mistyped values, IDs without
/// the `custom.` prefix or taken twice, and expressions that do not compile are errors naming the
/// file, line and column; a rule with errors is left out.
enum CustomRuleReader {
    static let ruleKeys: Set<String> = ["id", "title", "severity", "layer", "rationale", "remediation", "standards",
                                        "match", "variables", "validations"]
    static let fileKeys = ruleKeys.union(["apiVersion", "kind"])
    static let matchKeys: Set<String> = ["apiGroups", "kinds", "operations", "namespaceSelector", "objectSelector",
                                         "tenants", "trust"]
    static let selectorKeys: Set<String> = ["matchLabels", "matchExpressions"]
    static let variableKeys: Set<String> = ["name", "expression"]
    static let validationKeys: Set<String> = ["expression", "message", "messageExpression"]

    /// The rules of the `customRules:` list.
    static func read(list node: Node?, taken: Set<String>, into reader: inout ConfigReader) -> [CustomRule] {
        var taken = taken
        return reader.items(node, "'customRules'").compactMap { item in
            read(item, known: ruleKeys, taken: &taken, into: &reader)
        }
    }

    /// The rules of a rule file: every document is one `kind: CustomRule`.
    static func read(file bytes: [UInt8], named file: String, taken: inout Set<String>, into errors: inout [InputError]) -> [CustomRule] {
        let (documents, loadErrors) = ManifestLoader.documents(bytes, file: file)
        var reader = ConfigReader(file: file, errors: loadErrors)
        var rules: [CustomRule] = []
        for document in documents where !document.isNull {
            guard document["kind"]?.string == "CustomRule" else {
                reader.error(document, "a rule file holds documents of 'kind: CustomRule'")
                continue
            }
            if let rule = read(document, known: fileKeys, taken: &taken, into: &reader) { rules.append(rule) }
        }
        errors += reader.errors
        return rules
    }

    /// One rule, or nil (with errors) when any of it is wrong.
    private static func read(_ node: Node, known: Set<String>, taken: inout Set<String>, into reader: inout ConfigReader) -> CustomRule? {
        guard node.isMapping else {
            reader.error(node, "a custom rule must be a mapping, not \(ConfigReader.describe(node))")
            return nil
        }
        let before = reader.errors.count
        reader.unknownKeys(in: node, known: known, context: "a custom rule")
        let id = reader.string(node["id"], "'id'")
        if node["id"] == nil { reader.error(node, "a custom rule needs an 'id' (custom.NAME)") }
        if let id, let mark = node["id"]?.mark {
            if !id.hasPrefix(CustomRule.idPrefix) || id.count == CustomRule.idPrefix.count {
                reader.error(mark, "custom rule ID '\(id)' must start with '\(CustomRule.idPrefix)' and name the rule")
            } else if !taken.insert(id).inserted {
                reader.error(mark, "rule ID '\(id)' is already taken")
            }
        }
        let what = "custom rule '\(id ?? "?")'"
        let title = required(node, "title", what, &reader) { $1.string($0, "'title' of \(what)") }
        let severity: Severity? = required(node, "severity", what, &reader) { $1.oneOf($0, "'severity' of \(what)") }
        let layer: Layer? = required(node, "layer", what, &reader) { $1.oneOf($0, "'layer' of \(what)") }
        let match = required(node, "match", what, &reader) { readMatch($0, what, &$1) }
        let kinds = match?.kinds ?? []
        let variables = reader.items(node["variables"], "'variables' of \(what)").compactMap { readVariable($0, what, kinds, &reader) }
        let validationNodes = reader.items(node["validations"], "'validations' of \(what)")
        if validationNodes.isEmpty { reader.error(node["validations"] ?? node, "\(what) needs at least one validation") }
        let validations = validationNodes.compactMap { readValidation($0, what, kinds, &reader) }
        guard reader.errors.count == before, let id, let title, let severity, let layer, let match else { return nil }
        let metadata = RuleMetadata(id: id, title: title, severity: severity, layer: layer,
                                    standards: reader.strings(node["standards"], "'standards' of \(what)") ?? [],
                                    rationale: node["rationale"]?.string ?? "", remediation: node["remediation"]?.string ?? "")
        return CustomRule(metadata: metadata, match: match, variables: variables, validations: validations)
    }

    /// The value of a required key, or an error naming it when absent.
    private static func required<Value>(_ node: Node, _ key: String, _ what: String, _ reader: inout ConfigReader,
                                        _ read: (Node, inout ConfigReader) -> Value?) -> Value? {
        guard let value = node[key] else {
            reader.error(node, "\(what) needs '\(key)'")
            return nil
        }
        return read(value, &reader)
    }

    private static func readMatch(_ node: Node, _ what: String, _ reader: inout ConfigReader) -> CustomRuleMatch? {
        guard node.isMapping else {
            reader.error(node, "'match' of \(what) must be a mapping, not \(ConfigReader.describe(node))")
            return nil
        }
        reader.unknownKeys(in: node, known: matchKeys, context: "'match' of \(what)")
        let kinds = reader.strings(node["kinds"], "'match.kinds' of \(what)") ?? []
        if kinds.isEmpty { reader.error(node["kinds"] ?? node, "'match' of \(what) needs at least one kind") }
        let operations = reader.strings(node["operations"], "'match.operations' of \(what)") ?? []
        for (operation, item) in zip(operations, node["operations"]?.items ?? []) where !CustomRuleMatch.knownOperations.contains(operation) {
            reader.error(item, "operation '\(operation)' must be one of CREATE, UPDATE, DELETE, CONNECT, *")
        }
        let trust: [Trust] = (node["trust"].map { $0.isSequence ? $0.items : [$0] } ?? []).compactMap {
            reader.oneOf($0, "'match.trust' of \(what)")
        }
        // Core group written `""` reads as an empty string, which `strings` refuses: read groups as they are.
        let apiGroups = reader.items(node["apiGroups"], "'match.apiGroups' of \(what)").compactMap { item -> String? in
            guard let group = item.string else {
                reader.error(item, "an API group must be a string, not \(ConfigReader.describe(item))")
                return nil
            }
            return group
        }
        return CustomRuleMatch(apiGroups: apiGroups, kinds: kinds, operations: operations,
                               namespaceSelector: selector(node["namespaceSelector"], "namespaceSelector", &reader),
                               objectSelector: selector(node["objectSelector"], "objectSelector", &reader),
                               tenants: reader.strings(node["tenants"], "'match.tenants' of \(what)") ?? [], trust: trust)
    }

    private static func selector(_ node: Node?, _ key: String, _ reader: inout ConfigReader) -> LabelSelector {
        guard let node, !node.isNull else { return LabelSelector() }
        guard node.isMapping else {
            reader.error(node, "'\(key)' must be a mapping with matchLabels or matchExpressions, not \(ConfigReader.describe(node))")
            return LabelSelector()
        }
        reader.unknownKeys(in: node, known: selectorKeys, context: "'\(key)'")
        return LabelSelector(node)
    }

    private static func readVariable(_ node: Node, _ what: String, _ kinds: [String], _ reader: inout ConfigReader) -> CustomRule.Variable? {
        reader.unknownKeys(in: node, known: variableKeys, context: "a variable of \(what)")
        guard let name = reader.string(node["name"], "'name' of a variable of \(what)") else {
            if node["name"] == nil { reader.error(node, "a variable of \(what) needs a 'name'") }
            return nil
        }
        return expression(node, "expression", "variable '\(name)' of \(what)", kinds, &reader).map { .init(name: name, expression: $0) }
    }

    private static func readValidation(_ node: Node, _ what: String, _ kinds: [String], _ reader: inout ConfigReader) -> CustomRule.Validation? {
        reader.unknownKeys(in: node, known: validationKeys, context: "a validation of \(what)")
        let message = reader.string(node["message"], "'message' of a validation of \(what)")
        let messageExpression = node["messageExpression"] == nil ? nil
            : expression(node, "messageExpression", "a validation of \(what)", kinds, &reader)
        return expression(node, "expression", "a validation of \(what)", kinds, &reader).map {
            .init(expression: $0, message: message, messageExpression: messageExpression)
        }
    }

    /// The compiled expression under `key`, or nil with an error at the line and column of the
    /// problem inside it, or at the expression when it reads a field that the `kinds` it judges do
    /// not have (where their schema is known).
    private static func expression(_ node: Node, _ key: String, _ what: String, _ kinds: [String],
                                   _ reader: inout ConfigReader) -> CustomExpression? {
        guard let value = node[key] else {
            reader.error(node, "\(what) needs '\(key)'")
            return nil
        }
        guard let source = reader.string(value, "'\(key)' of \(what)") else { return nil }
        do {
            let compiled = try CustomExpression(source)
            if let problem = compiled.unknownField(kinds: kinds) {
                reader.error(value, "'\(key)' of \(what) reads a field that does not exist: \(problem)")
                return nil
            }
            if let problem = compiled.costOverBudget {
                reader.error(value, "'\(key)' of \(what) is over the cost budget: \(problem)")
                return nil
            }
            return compiled
        } catch let error as CELCompileError {
            let keyMark = node.entries.last { $0.key == key }?.keyMark ?? value.mark
            reader.error(position(of: error, in: value, keyMark: keyMark, source: source),
                         "'\(key)' of \(what) does not compile: \(error.message)")
        } catch {
            reader.error(value, "'\(key)' of \(what) does not compile: \(error)")
        }
        return nil
    }

    /// Where a compile error is in the file: on the expression's own line for a one-line scalar
    /// (after the opening quote when quoted); in a block scalar (`|`, `>`), whose text starts on the
    /// next line, on the line of the error indented as the block is (taken as two more than the key).
    static func position(of error: CELCompileError, in value: Node, keyMark: SourceMark, source: String) -> SourceMark {
        guard case .scalar(let scalar) = value.content else { return value.mark }
        if !source.contains(where: \.isNewline) {
            return SourceMark(line: value.mark.line, column: value.mark.column + error.column - 1 + (scalar.isPlain ? 0 : 1))
        }
        return SourceMark(line: value.mark.line + error.line, column: keyMark.column + 2 + error.column - 1)
    }
}

/// A file of custom rules (`kind: CustomRule` documents), read by itself (`rampart rules test`).
public enum CustomRuleFile {
    /// The rules of the file and its errors; `knownRules` are IDs already taken (the catalog's).
    public static func parse(_ bytes: [UInt8], file: String, knownRules: Set<String>) -> ([CustomRule], [InputError]) {
        var taken = knownRules
        var errors: [InputError] = []
        let rules = CustomRuleReader.read(file: bytes, named: file, taken: &taken, into: &errors)
        return (rules, errors)
    }
}
