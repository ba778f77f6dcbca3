import RampartModel

/// EKS's `aws-auth` ConfigMap (kube-system): IAM roles and users (`mapRoles`, `mapUsers`) mapped to a
/// Kubernetes user name and groups. Each IAM principal is a subject of its own; its mapped identity
/// holds what the user name's and the groups' bindings grant (can-i, who-can and escalation paths).
///
/// The entries are YAML inside a string. Only the shape EKS documents is read, line by line: a list of
/// mappings with `rolearn`/`userarn`, `username` and `groups` (a block list or `[a, b]`); other keys are
/// skipped, and anything else ends the entry. Templates in user names (`{{SessionName}}`) stay as written.
public struct AWSAuthMappings: Sendable {
    /// One mapping: the IAM principal and who it becomes.
    struct Mapping: Sendable {
        var arn: String
        var user: RequestUser
        /// `mapRoles` or `mapUsers`.
        var field: String
    }

    static let namespace = "kube-system"
    static let name = "aws-auth"

    /// By IAM principal (the subject `User <arn>`).
    let byARN: [String: Mapping]

    /// The mappings of `kube-system/aws-auth` among the inputs; none without it.
    public init(_ inventory: Inventory) {
        guard let config = inventory.object(kind: "ConfigMap", namespace: Self.namespace, name: Self.name) else {
            byARN = [:]
            return
        }
        var mappings: [String: Mapping] = [:]
        for (field, key) in [("mapRoles", "rolearn"), ("mapUsers", "userarn")] {
            for entry in Self.entries(config.root["data"]?[field]?.string ?? "") {
                guard let arn = entry[key]?.first, !arn.isEmpty, mappings[arn] == nil else { continue }
                let groups = Set(entry["groups"] ?? []).union([Subject.authenticatedGroup])
                mappings[arn] = Mapping(arn: arn, user: RequestUser(name: entry["username"]?.first ?? arn, sortedGroups: groups), field: field)
            }
        }
        byARN = mappings
    }

    /// The entries of a mapping list: each key with its values (one for scalars).
    static func entries(_ text: String) -> [[String: [String]]] {
        var entries: [[String: [String]]] = []
        var current: [String: [String]] = [:]
        var listKey: String?
        for raw in text.split(separator: "\n", omittingEmptySubsequences: true) {
            var line = Substring(raw)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let indent = line.prefix { $0 == " " }.count
            var body = line.drop { $0 == " " }
            guard !body.isEmpty else { continue }
            if body.hasPrefix("- "), let key = listKey, indent > 0, !body.dropFirst(2).contains(":") {
                current[key, default: []].append(Self.scalar(body.dropFirst(2)))
                continue
            }
            if body.hasPrefix("- ") {
                if !current.isEmpty { entries.append(current) }
                current = [:]
                body = body.dropFirst(2).drop { $0 == " " }
            }
            guard let colon = body.firstIndex(of: ":") else { continue }
            let key = Self.scalar(body[..<colon])
            let value = body[body.index(after: colon)...].drop { $0 == " " }
            listKey = nil
            if value.isEmpty {
                listKey = key
            } else if value.hasPrefix("["), value.hasSuffix("]") {
                current[key] = value.dropFirst().dropLast().split(separator: ",").map { Self.scalar($0) }.filter { !$0.isEmpty }
            } else {
                current[key] = [Self.scalar(value)]
            }
        }
        if !current.isEmpty { entries.append(current) }
        return entries
    }

    /// A scalar without surrounding spaces and quotes.
    private static func scalar(_ text: Substring) -> String {
        var value = text.drop { $0 == " " }
        while value.last == " " { value = value.dropLast() }
        if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
            value = value.dropFirst().dropLast()
        }
        return String(value)
    }
}
