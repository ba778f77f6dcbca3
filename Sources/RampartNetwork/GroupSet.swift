/// A set of small non-negative integers (pod group indices) as a bit set.
struct GroupSet: Sendable, Hashable {
    private(set) var words: [UInt64]

    init(capacity: Int) {
        words = Array(repeating: 0, count: (capacity + 63) / 64)
    }

    /// Every index below `capacity`.
    static func full(capacity: Int) -> GroupSet {
        var set = GroupSet(capacity: capacity)
        for index in set.words.indices {
            let bits = min(64, capacity - index * 64)
            set.words[index] = bits == 64 ? .max : (1 << UInt64(bits)) - 1
        }
        return set
    }

    func contains(_ index: Int) -> Bool {
        words[index >> 6] & (1 << UInt64(index & 63)) != 0
    }

    mutating func insert(_ index: Int) {
        words[index >> 6] |= 1 << UInt64(index & 63)
    }

    mutating func formUnion(_ other: GroupSet) {
        for index in words.indices { words[index] |= other.words[index] }
    }

    func intersection(_ other: GroupSet) -> GroupSet {
        var result = self
        for index in words.indices { result.words[index] &= other.words[index] }
        return result
    }

    var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    /// Calls `body` with every member, in increasing order.
    func forEach(_ body: (Int) -> Void) {
        for (wordIndex, word) in words.enumerated() {
            var remaining = word
            while remaining != 0 {
                let bit = remaining.trailingZeroBitCount
                body(wordIndex << 6 | bit)
                remaining &= remaining - 1
            }
        }
    }
}
