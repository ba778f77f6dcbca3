import RampartModel

/// Whether anything enforces the network policies of the inputs, said in one sentence: the CNI
/// detected (and what it enforces), or that the CNI could not be determined, so every verdict on
/// reachability assumes an enforcement nobody verified.
public struct NetworkEnforcement: Sendable, Hashable, Codable {
    /// The CNIs detected, by name; empty when none was recognised.
    public var cni: [String]
    /// True when some CNI was recognised among the inputs.
    public var determined: Bool
    public var statement: String

    public init(_ inventory: Inventory) {
        let detected = CNIDetection.detect(inventory)
        cni = detected.map(\.name)
        determined = !detected.isEmpty
        guard determined else {
            statement = "the CNI could not be determined from the inputs (no DaemonSet of a known CNI in kube-system or a CNI's own namespace): "
                + "that the network policies are enforced at all is unverified"
            return
        }
        statement = detected.map { found in
            let enforced = found.enforces.sorted().map(\.rawValue)
            let what = enforced.isEmpty ? "enforces no network policy" : "enforces " + enforced.joined(separator: ", ")
            return "\(found.name) (DaemonSet \(found.evidence.namespace ?? "")/\(found.evidence.name)) \(what)"
                + (found.note.map { " (\($0))" } ?? "")
        }.joined(separator: "; ")
    }
}
