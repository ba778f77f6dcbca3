/// A function from addresses to connections, as disjoint ranges with their connections
/// (adjacent ranges with equal connections merged; addresses without connections left out).
public struct AddressMap: Sendable, Hashable {
    public private(set) var pieces: [(range: IPRange, connections: ConnectionSet)]

    /// The union of entries: every address gets the union of the connections of the entries holding it.
    public init(_ entries: [(addresses: IPRangeSet, connections: ConnectionSet)]) {
        pieces = []
        for family in IPAddress.Family.allCases {
            let ranges = entries.flatMap { entry in
                entry.addresses.ranges.filter { $0.family == family }.map { ($0, entry.connections) }
            }
            guard !ranges.isEmpty else { continue }
            var cuts = Set<IPAddress>()
            for (range, _) in ranges {
                cuts.insert(range.first)
                if let next = range.last.successor { cuts.insert(next) }
            }
            let starts = cuts.sorted()
            for (index, start) in starts.enumerated() {
                let end = index + 1 < starts.count ? starts[index + 1].predecessor ?? start : .last(family)
                let connections = ranges.filter { $0.0.contains(start) }.reduce(ConnectionSet.none) { $0.union($1.1) }
                guard !connections.isEmpty else { continue }
                if let previous = pieces.last, previous.connections == connections,
                   previous.range.family == family, previous.range.last.successor == start {
                    pieces[pieces.count - 1] = (IPRange(first: previous.range.first, last: end), connections)
                } else {
                    pieces.append((IPRange(first: start, last: end), connections))
                }
            }
        }
    }

    public static func == (lhs: AddressMap, rhs: AddressMap) -> Bool {
        lhs.pieces.elementsEqual(rhs.pieces) { $0.range == $1.range && $0.connections == $1.connections }
    }

    public func hash(into hasher: inout Hasher) {
        for piece in pieces {
            hasher.combine(piece.range)
            hasher.combine(piece.connections)
        }
    }
}
