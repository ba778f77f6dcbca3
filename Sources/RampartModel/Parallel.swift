import Foundation
import Synchronization

/// Work spread over every core, also from inside other parallel work. Dispatch's
/// `concurrentPerform` gives a nested call only its share of the cores (on two cores, one: the
/// tenancy analysis, asked for by one rule of the parallel rule pass, ran serially while the other
/// core waited for it); these run on the calling thread and threads of their own, each taking the
/// next index until none is left.
public enum Parallel {
    /// Calls `body` once for every index in `0..<count`, on every core; returns when all are done.
    public static func forEach(_ count: Int, _ body: @Sendable (Int) -> Void) {
        let workers = Swift.min(count, ProcessInfo.processInfo.activeProcessorCount)
        guard workers > 1 else {
            for index in 0..<count { body(index) }
            return
        }
        let next = NextIndex()
        withoutActuallyEscaping(body) { body in
            let done = DispatchGroup()
            let drain: @Sendable () -> Void = {
                while case let index = next.take(), index < count { body(index) }
            }
            for _ in 1..<workers {
                done.enter()
                let thread = Thread {
                    drain()
                    done.leave()
                }
                thread.stackSize = stackSize
                thread.start()
            }
            drain()
            done.wait()
        }
    }

    /// The workers' stack, as large as the main thread's usual one (rules recurse into deep values).
    static let stackSize = 8 << 20
}

/// The next index for a worker to take.
private final class NextIndex: Sendable {
    private let value = Atomic<Int>(0)

    func take() -> Int {
        value.add(1, ordering: .relaxed).oldValue
    }
}
