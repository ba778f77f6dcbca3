/// A breadth-first walk over the numbered escalation graph: the nodes in the order reached, and
/// how each was reached (the node before it and the index of the edge taken out of that node),
/// kept in arrays indexed by node number.
struct GraphWalk {
    /// The nodes reached, in the order reached; `next()` hands them out in that order.
    private var queue: [Int] = []
    private var cursor = 0
    /// By node number: the node it was reached from (-1: not reached; itself: an origin).
    private var parents: [Int] = []
    /// By node number: the index of the edge taken in its parent's expansion.
    private var edges: [Int] = []

    /// A walk that starts from `origins` (duplicates once), in their order.
    init(origins: [Int]) {
        restart(from: origins)
    }

    /// Starts the walk again from `origins`, forgetting every node reached before (clearing only
    /// those: a walk reused for many short walks over a large graph costs what they visit).
    mutating func restart(from origins: [Int]) {
        for node in queue { parents[node] = -1 }
        queue.removeAll(keepingCapacity: true)
        cursor = 0
        for origin in origins { reach(origin, from: origin, edge: -1) }
    }

    /// The next node to expand, or nil when every node reached has been.
    mutating func next() -> Int? {
        guard cursor < queue.count else { return nil }
        cursor += 1
        return queue[cursor - 1]
    }

    /// Marks `node` as reached from `parent` along its edge `edge`; false when it was reached before.
    @discardableResult
    mutating func reach(_ node: Int, from parent: Int, edge: Int) -> Bool {
        if node >= parents.count {
            parents += repeatElement(-1, count: node + 1 - parents.count)
            edges += repeatElement(-1, count: node + 1 - edges.count)
        }
        guard parents[node] < 0 else { return false }
        parents[node] = parent
        edges[node] = edge
        queue.append(node)
        return true
    }

    /// The way from an origin to `node`: each node left and the index of the edge taken, in order.
    func route(to node: Int) -> [(node: Int, edge: Int)] {
        var route: [(node: Int, edge: Int)] = []
        var current = node
        while parents[current] != current {
            route.append((parents[current], edges[current]))
            current = parents[current]
        }
        return route.reversed()
    }

    /// The node `node` was reached from and the index of the edge taken; nil for an origin.
    func arrival(at node: Int) -> (node: Int, edge: Int)? {
        parents[node] == node ? nil : (parents[node], edges[node])
    }

    /// The origin a reached node was reached from.
    func origin(of node: Int) -> Int {
        var current = node
        while parents[current] != current { current = parents[current] }
        return current
    }
}
