import Synchronization

extension Array where Element: Sendable {
    /// The elements transformed on every core (also from inside other parallel work), in chunks of
    /// `chunk` elements, the results in the elements' order. Each chunk starts from a fresh
    /// `scratch()` (a cache, say) that `transform` may change; what it holds must never change a
    /// result, only how fast it is found.
    public func concurrentMap<Scratch, Transformed: Sendable>(
        chunk: Int, scratch: @Sendable () -> Scratch, _ transform: @Sendable (Element, inout Scratch) -> Transformed
    ) -> [Transformed] {
        let starts = [Int](stride(from: 0, to: count, by: Swift.max(1, chunk)))
        let results = Mutex<[[Transformed]]>([[Transformed]](repeating: [], count: starts.count))
        Parallel.forEach(starts.count) { unit in
            var state = scratch()
            let transformed = self[starts[unit]..<Swift.min(starts[unit] + chunk, count)].map { transform($0, &state) }
            results.withLock { $0[unit] = transformed }
        }
        return results.withLock { $0 }.flatMap { $0 }
    }
}
