import Dispatch
import Foundation
import RampartModel
import Synchronization
import Testing

/// `Parallel.forEach` keeps every core busy even when called from inside other parallel work, as
/// the tenancy analysis is (one rule of the parallel rule pass asks for it while the other rules
/// wait): Dispatch ran such a nested `concurrentPerform` on one thread of two.
@Suite struct ParallelTests {
    /// Counts the indices inside `body` at once.
    private final class Meeting: Sendable {
        let inside = Atomic<Int>(0)
        let met = Atomic<Bool>(false)

        /// Waits (up to 3 s) until another index is inside too, or has met one, then leaves.
        func arrive() {
            inside.add(1, ordering: .sequentiallyConsistent)
            defer { inside.subtract(1, ordering: .sequentiallyConsistent) }
            let deadline = Date().addingTimeInterval(3)
            while Date() < deadline, !met.load(ordering: .sequentiallyConsistent) {
                if inside.load(ordering: .sequentiallyConsistent) >= 2 {
                    met.store(true, ordering: .sequentiallyConsistent)
                    return
                }
                usleep(100)
            }
        }
    }

    @Test func nestedWorkRunsTwoIndicesAtOnce() throws {
        try #require(ProcessInfo.processInfo.activeProcessorCount > 1, "needs two cores")
        let meeting = Meeting()
        let finished = DispatchSemaphore(value: 0)
        DispatchQueue.concurrentPerform(iterations: 2) { outer in
            if outer == 0 {
                Parallel.forEach(2) { _ in meeting.arrive() }
                finished.signal()
            } else {
                // The other outer worker waits for the nested work, as a rule waits for a shared analysis.
                finished.wait()
                finished.signal()
            }
        }
        let met = meeting.met.load(ordering: .sequentiallyConsistent)
        #expect(met)
    }

    @Test func everyIndexRunsOnce() {
        let counts = Mutex([Int](repeating: 0, count: 1_000))
        Parallel.forEach(1_000) { index in counts.withLock { $0[index] += 1 } }
        #expect(counts.withLock { $0 } == [Int](repeating: 1, count: 1_000))
    }

    @Test func concurrentMapKeepsTheOrder() {
        let squares = Array(0..<500).concurrentMap(chunk: 7, scratch: { () }) { value, _ in value * value }
        #expect(squares == (0..<500).map { $0 * $0 })
    }

    @Test func concurrentMapOfReferencesHoldsEachOnce() {
        // Strings too long to be stored inline: each result is a reference the array must own.
        let texts = Array(0..<300).concurrentMap(chunk: 8, scratch: { () }) { value, _ in String(repeating: "x", count: 20) + "\(value)" }
        #expect(texts == (0..<300).map { String(repeating: "x", count: 20) + "\($0)" })
        #expect([Int]().concurrentMap(chunk: 4, scratch: { () }) { value, _ in value }.isEmpty)
    }

    @Test func concurrentFlatMapJoinsInOrderWithEmptyParts() {
        // Element n gives n copies of its text (none for 0, and for every multiple of 5).
        let parts: @Sendable (Int) -> [String] = { value in value % 5 == 0 ? [] : [String](repeating: "item \(value) of many", count: value % 7) }
        let joined = Array(0..<400).concurrentFlatMap(chunk: 3, scratch: { () }) { value, _ in parts(value) }
        #expect(joined == (0..<400).flatMap(parts))
        #expect(Array(0..<10).concurrentFlatMap(chunk: 3, scratch: { () }) { _, _ in [Int]() }.isEmpty)
    }
}

/// `Parallel.both` works two independent analyses out side by side and hands back both.
@Suite struct ParallelBothTests {
    @Test func returnsBothResults() {
        let (sum, text) = Parallel.both({ (1...1_000).reduce(0, +) }, { String(repeating: "ab", count: 3) })
        #expect(sum == 500_500)
        #expect(text == "ababab")
    }

    @Test func runsTheTwoAtOnce() throws {
        try #require(ProcessInfo.processInfo.activeProcessorCount > 1, "needs two cores")
        // Each side waits (up to 3 s) for the other to have started: only side by side do both see it.
        let started = Atomic<Int>(0)
        let sawOther: @Sendable () -> Bool = {
            started.add(1, ordering: .sequentiallyConsistent)
            let deadline = Date().addingTimeInterval(3)
            while Date() < deadline {
                if started.load(ordering: .sequentiallyConsistent) == 2 { return true }
                usleep(100)
            }
            return false
        }
        let (first, second) = Parallel.both(sawOther, sawOther)
        #expect(first && second)
    }
}
