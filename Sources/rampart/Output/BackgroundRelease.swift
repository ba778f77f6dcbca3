import Foundation
import Synchronization

/// Frees a run's inputs on a thread of their own while the report is made and written: hundreds of
/// megabytes of objects, freed value by value, took a fifth of a second of the main thread after a
/// large audit. The inputs are still freed before the report is whole (peak memory stays that of
/// the audit), only no longer in its way.
final class BackgroundRelease: Sendable {
    private let held = Mutex<[any Sendable]>([])

    /// Keeps `value` until `start()`.
    func hold(_ value: any Sendable) {
        held.withLock { $0.append(value) }
    }

    /// Lets go of what is held on a new thread; call it once every other owner has let go (after
    /// the function that held them returned), so that the last references are this thread's.
    func start() {
        let thread = Thread { [self] in held.withLock { $0.removeAll() } }
        // Freeing a deep value tree recurses: the main thread's usual stack, not a thread's 512 KB.
        thread.stackSize = 8 << 20
        thread.start()
    }
}
