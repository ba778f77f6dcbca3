/// A Kubernetes label selector (`matchLabels` and `matchExpressions`).
///
/// An empty selector matches everything; an absent selector is represented by `nil` by callers,
/// since its meaning depends on the field (NetworkPolicy peers, services, …).
public struct LabelSelector: Sendable, Hashable {
    /// One `matchExpressions` requirement.
    public struct Requirement: Sendable, Hashable {
        /// The selector operators.
        public enum Operator: String, Sendable {
            case `in` = "In", notIn = "NotIn", exists = "Exists", doesNotExist = "DoesNotExist"
        }
        public var key: String
        public var op: Operator
        public var values: [String]

        public init(key: String, op: Operator, values: [String]) {
            self.key = key
            self.op = op
            self.values = values
        }

        public func matches(_ labels: [String: String]) -> Bool {
            switch op {
            case .in: return labels[key].map(values.contains) ?? false
            case .notIn: return labels[key].map { !values.contains($0) } ?? true
            case .exists: return labels[key] != nil
            case .doesNotExist: return labels[key] == nil
            }
        }
    }

    public var matchLabels: [String: String]
    public var requirements: [Requirement]

    public init(matchLabels: [String: String] = [:], requirements: [Requirement] = []) {
        self.matchLabels = matchLabels
        self.requirements = requirements
    }

    /// Reads a selector node. An operator that Kubernetes does not know makes the selector
    /// invalid, which the API server rejects; it is returned as a selector that matches nothing.
    public init(_ node: Node) {
        matchLabels = node["matchLabels"]?.stringMap ?? [:]
        var requirements: [Requirement] = []
        var valid = true
        for expression in node["matchExpressions"]?.items ?? [] {
            guard let key = expression["key"]?.string,
                  let op = expression["operator"]?.string.flatMap(Requirement.Operator.init(rawValue:)) else {
                valid = false
                continue
            }
            let values = (expression["values"]?.items ?? []).compactMap(\.string)
            requirements.append(Requirement(key: key, op: op, values: values))
        }
        if !valid {
            requirements.append(Requirement(key: "", op: .in, values: []))
        }
        self.requirements = requirements
    }

    /// A selector from a plain label map (Service and ReplicationController `selector`).
    public init(labels: [String: String]) {
        self.init(matchLabels: labels)
    }

    public var isEmpty: Bool { matchLabels.isEmpty && requirements.isEmpty }

    public func matches(_ labels: [String: String]) -> Bool {
        for (key, value) in matchLabels where labels[key] != value { return false }
        return requirements.allSatisfy { $0.matches(labels) }
    }
}
