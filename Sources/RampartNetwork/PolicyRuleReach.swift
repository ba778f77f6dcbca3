extension PolicyRule {
    /// The addresses outside the cluster the rule's peers match: every address without peers,
    /// else the union of its ipBlocks.
    public var externalAddresses: IPRangeSet {
        guard let peers else { return .everything }
        return peers.reduce(IPRangeSet()) { result, peer in
            if case .ipBlock(let block) = peer { return result.union(block.addresses) }
            return result
        }
    }

    /// The connections the rule allows towards a destination serving `served` (named ports resolve
    /// there; an address outside the cluster serves no named port).
    public func connections(servedBy served: [ServedPort] = []) -> ConnectionSet {
        PortResolver.connections(ports, served: served)
    }

    /// True when some entry of `ports` is a named port.
    public var hasNamedPort: Bool {
        ports.contains { if case .named = $0 { true } else { false } }
    }
}
