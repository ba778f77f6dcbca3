import Synchronization

/// The bytes of request bodies the server holds at once, over all connections. Without it memory
/// grew with the number of connections: 200 connections each stalling with about 3 MiB of body took
/// the server to 764 MB. A body that would pass the budget is refused (503 with `Retry-After`).
final class BodyBudget: Sendable {
    /// Most bytes held at once.
    let limit: Int
    private let used = Atomic<Int>(0)

    init(limit: Int) {
        self.limit = limit
    }

    /// Takes `bytes` from the budget; false, taking nothing, when that would pass the limit.
    func reserve(_ bytes: Int) -> Bool {
        var current = used.load(ordering: .relaxed)
        while true {
            guard bytes <= limit - current else { return false }
            let (exchanged, original) = used.compareExchange(expected: current, desired: current + bytes, ordering: .relaxed)
            if exchanged { return true }
            current = original
        }
    }

    /// Gives back bytes taken by `reserve`.
    func release(_ bytes: Int) {
        guard bytes > 0 else { return }
        used.subtract(bytes, ordering: .relaxed)
    }

    /// The bytes held now.
    var inUse: Int { used.load(ordering: .relaxed) }
}
