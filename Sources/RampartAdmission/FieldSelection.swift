/// What the review parser builds of a JSON value. The members an object's selection skips are
/// scanned for their end and never become nodes, so the webhook decodes only what the decision
/// reads: an UPDATE of a Pod carries its status and server-side apply bookkeeping, often a large
/// share of the body, and no rule reads either.
indirect enum FieldSelection: Sendable {
    /// The whole value.
    case all
    /// Nothing: the value is skipped.
    case skip
    /// An object's `members` as each of their selections says, and its other members as `others`.
    /// (An array applies the selection to each element; a scalar is built whole.) A short list,
    /// searched in order: cheaper than hashing every key of the review's top levels.
    case members(KeyValuePairs<String, FieldSelection>, others: FieldSelection)

    /// The selection of `key` in an object selected by `self`.
    func member(_ key: String) -> FieldSelection {
        guard case .members(let members, let others) = self else { return .all }
        let count = key.utf8.count
        return members.first { $0.key.utf8.count == count && $0.key == key }?.value ?? others
    }

    /// An object of Kubernetes' API: everything but `status` and `metadata.managedFields`.
    static let kubernetesObject = FieldSelection.members(
        ["status": .skip, "metadata": .members(["managedFields": .skip], others: .all)], others: .all)
}
