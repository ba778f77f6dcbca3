/// The threads of one step: a sparse set of instruction addresses in priority order, and the capture slots of
/// the threads that wait on a scalar or a match (the others pass through and keep none). Its storage is owned by
/// the VM and reused from step to step; the slots grow with the number of live threads, not the program.
struct ThreadQueue: ~Copyable {
    /// One allocation holding `sparse`, `dense` and `slotBase`.
    private let storage: UnsafeMutableBufferPointer<Int>
    /// For each address, where it sits in `dense` if it is there (any value otherwise).
    private let sparse: UnsafeMutableBufferPointer<Int>
    /// The addresses in priority order; the first `count` are valid.
    private let dense: UnsafeMutableBufferPointer<Int>
    /// For each entry of `dense` that has slots, where they start in `slots`.
    private let slotBase: UnsafeMutableBufferPointer<Int>
    private var slots: UnsafeMutableBufferPointer<Int>
    private var slotsUsed = 0
    private let slotCount: Int
    private(set) var count = 0

    init(capacity: Int, slotCount: Int) {
        storage = .allocate(capacity: 3 * capacity)
        storage.initialize(repeating: 0)
        sparse = UnsafeMutableBufferPointer(rebasing: storage[0..<capacity])
        dense = UnsafeMutableBufferPointer(rebasing: storage[capacity..<2 * capacity])
        slotBase = UnsafeMutableBufferPointer(rebasing: storage[(2 * capacity)...])
        slots = .allocate(capacity: 4 * slotCount)
        slots.initialize(repeating: -1)
        self.slotCount = slotCount
    }

    deinit {
        storage.deallocate()
        slots.deallocate()
    }

    var isEmpty: Bool { count == 0 }

    func pc(at index: Int) -> Int { dense[index] }

    mutating func removeAll() {
        count = 0
        slotsUsed = 0
    }

    /// Adds `pc` and returns its index, or nil if it is already there.
    mutating func insert(_ pc: Int) -> Int? {
        let index = sparse[pc]
        if index < count && dense[index] == pc { return nil }
        sparse[pc] = count
        dense[count] = pc
        count += 1
        return count - 1
    }

    /// Gives the entry at `index` (just inserted) a copy of `source`.
    mutating func setSlots(at index: Int, from source: UnsafeMutableBufferPointer<Int>) {
        guard slotCount > 0 else { return }
        if slotsUsed + slotCount > slots.count {
            let larger = UnsafeMutableBufferPointer<Int>.allocate(capacity: 2 * slots.count)
            larger.initialize(repeating: -1)
            for offset in 0..<slotsUsed { larger[offset] = slots[offset] }
            slots.deallocate()
            slots = larger
        }
        slotBase[index] = slotsUsed
        for slot in 0..<slotCount { slots[slotsUsed + slot] = source[slot] }
        slotsUsed += slotCount
    }

    func copySlots(at index: Int, into target: UnsafeMutableBufferPointer<Int>) {
        guard slotCount > 0 else { return }
        for slot in 0..<slotCount { target[slot] = slots[slotBase[index] + slot] }
    }

    func copySlots(at index: Int, into target: inout [Int]) {
        guard slotCount > 0 else { return }
        for slot in 0..<slotCount { target[slot] = slots[slotBase[index] + slot] }
    }
}
