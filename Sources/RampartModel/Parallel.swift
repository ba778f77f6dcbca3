#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Foundation
import Synchronization

/// Work spread over every core, also from inside other parallel work. Dispatch's
/// `concurrentPerform` gives a nested call only its share of the cores (on two cores, one: the
/// tenancy analysis, asked for by one rule of the parallel rule pass, ran serially while the other
/// core waited for it); these run on the calling thread and threads of their own, each taking the
/// next index until none is left.
public enum Parallel {
    /// Calls `body` once for every index in `0..<count`, on every core; returns when all are done
    /// and every thread it started has ended (nothing keeps `body` once it returns).
    public static func forEach(_ count: Int, _ body: @Sendable (Int) -> Void) {
        let workers = Swift.min(count, ProcessInfo.processInfo.activeProcessorCount)
        guard workers > 1 else {
            for index in 0..<count { body(index) }
            return
        }
        let next = NextIndex()
        withoutActuallyEscaping(body) { body in
            let drain: @Sendable () -> Void = {
                while case let index = next.take(), index < count { body(index) }
            }
            // A thread that cannot be started leaves its share to the others.
            let threads = (1..<workers).compactMap { _ in WorkerThread.start(drain) }
            drain()
            for thread in threads { thread.join() }
        }
    }

    /// The results of `first` and `second`, worked out side by side (two analyses that do not
    /// depend on each other, on a path that would otherwise leave a core idle).
    public static func both<First: Sendable, Second: Sendable>(_ first: @Sendable () -> First,
                                                               _ second: @Sendable () -> Second) -> (First, Second) {
        let firstResult = Mutex<First?>(nil)
        let secondResult = Mutex<Second?>(nil)
        forEach(2) { index in
            if index == 0 {
                let value = first()
                firstResult.withLock { $0 = value }
            } else {
                let value = second()
                secondResult.withLock { $0 = value }
            }
        }
        // `forEach` returns once both have run, so both results are there.
        return (firstResult.withLock { $0.take()! }, secondResult.withLock { $0.take()! })
    }
}

/// A POSIX thread that runs one closure, joined before the closure's captures may go.
private struct WorkerThread {
    private let thread: pthread_t

    /// The closure a new thread runs, handed over retained and released on that thread.
    private final class Work: Sendable {
        let run: @Sendable () -> Void

        init(_ run: @escaping @Sendable () -> Void) {
            self.run = run
        }
    }

    /// Starts `work` on a thread with a stack as large as the main thread's usual one (rules
    /// recurse into deep values); nil when no thread could be started.
    static func start(_ work: @escaping @Sendable () -> Void) -> WorkerThread? {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, 8 << 20)
        let context = Unmanaged.passRetained(Work(work)).toOpaque()
        var thread = pthread_t()
        let started = pthread_create(&thread, &attributes, { context in
            guard let context else { return nil }
            Unmanaged<Work>.fromOpaque(context).takeRetainedValue().run()
            return nil
        }, context)
        guard started == 0 else {
            Unmanaged<Work>.fromOpaque(context).release()
            return nil
        }
        return WorkerThread(thread: thread)
    }

    func join() {
        pthread_join(thread, nil)
    }
}

/// The next index for a worker to take.
private final class NextIndex: Sendable {
    private let value = Atomic<Int>(0)

    func take() -> Int {
        value.add(1, ordering: .relaxed).oldValue
    }
}
