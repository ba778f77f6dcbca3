import RampartModel

/// The flags of one component's command line, in the order the program reads them.
///
/// Parsing follows Go's `pflag` as the Kubernetes binaries use it: `--name=value` and `--name value`
/// (a known boolean flag never takes the next item as its value), single-dash `-name` as etcd's Go `flag`
/// package allows, `--` ends the flags. Repeated flags: a scalar flag keeps its last value, a list flag
/// (`--enable-admission-plugins`, `--authorization-mode`, `--tls-cipher-suites`) and `--feature-gates`
/// collect every occurrence.
public struct FlagSet: Sendable {
    /// Every flag, in order (environment-derived ones first, so the command line wins).
    public let flags: [Flag]
    /// Where to point when a flag is missing: the container's `command` (or `args`) list.
    public let anchor: FieldPath

    public init(flags: [Flag], anchor: FieldPath) {
        self.flags = flags
        self.anchor = anchor
    }

    /// Parses command-line tokens (each with the path of the item it was read from).
    public init(tokens: [(text: String, path: FieldPath)], booleanFlags: Set<String>, anchor: FieldPath,
                leading: [Flag] = []) {
        var flags = leading
        var index = 0
        while index < tokens.count {
            let (text, path) = tokens[index]
            index += 1
            if text == "--" { break }
            guard text.hasPrefix("-"), text.count > 1 else { continue }
            let body = text.drop { $0 == "-" }
            if let equals = body.firstIndex(of: "=") {
                flags.append(Flag(name: String(body[..<equals]), value: String(body[body.index(after: equals)...]), path: path))
                continue
            }
            let name = String(body)
            if !booleanFlags.contains(name), index < tokens.count, !tokens[index].text.hasPrefix("-") {
                flags.append(Flag(name: name, value: tokens[index].text, path: path))
                index += 1
            } else {
                flags.append(Flag(name: name, value: nil, path: path))
            }
        }
        self.init(flags: flags, anchor: anchor)
    }

    /// The occurrence that takes effect (the last one), if the flag is set.
    public func last(_ name: String) -> Flag? {
        flags.last { $0.name == name }
    }

    /// True when the flag is set at all.
    public func isSet(_ name: String) -> Bool { last(name) != nil }

    /// The boolean value of the flag; nil when it is not set or not a boolean.
    public func bool(_ name: String) -> Bool? { last(name)?.bool }

    /// The path of the flag, or the anchor when it is not set.
    public func path(of name: String) -> FieldPath { last(name)?.path ?? anchor }

    /// The items of a list flag over every occurrence, each with the flag that holds it.
    public func list(_ name: String) -> [(item: String, flag: Flag)] {
        flags.filter { $0.name == name }.flatMap { flag in flag.items.map { ($0, flag) } }
    }

    /// The first occurrence that lists `item` in list flag `name`.
    public func flag(_ name: String, listing item: String) -> Flag? {
        list(name).first { $0.item == item }?.flag
    }

    /// `--feature-gates` as a map (`Name=true,Other=false`, every occurrence merged, the last wins).
    public var featureGates: [String: (enabled: Bool, flag: Flag)] {
        var gates: [String: (enabled: Bool, flag: Flag)] = [:]
        for (item, flag) in list("feature-gates") {
            let parts = item.split(separator: "=", maxSplits: 1).map(\.trimmedWhitespace)
            guard parts.count == 2, let enabled = Flag(name: parts[0], value: parts[1], path: flag.path).bool else { continue }
            gates[parts[0]] = (enabled, flag)
        }
        return gates
    }
}
