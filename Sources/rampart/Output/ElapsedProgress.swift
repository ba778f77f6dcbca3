import Dispatch
import Foundation
import Synchronization

/// A progress line on standard error for steps that take a while: once a step has run for
/// `delay` seconds, `rampart: auditing 52,000 objects… 7 s` is rewritten in place every second
/// until the step ends. Only on a terminal; never on standard output, never in machine output.
final class ElapsedProgress: Sendable {
    private let enabled = isatty(STDERR_FILENO) == 1
    private let delay: Double
    private let state = Mutex<(step: String, started: DispatchTime, shown: Bool)>(("", .now(), false))
    private let ticker = Mutex<Task<Void, Never>?>(nil)

    init(delay: Double = 5) {
        self.delay = delay
        guard enabled else { return }
        let task = Task.detached { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(1))
                self?.tick()
            }
        }
        ticker.withLock { $0 = task }
    }

    /// Starts timing `step` (the line shows it once it has run `delay` seconds).
    func step(_ step: String) {
        state.withLock { $0 = (step, .now(), $0.shown) }
    }

    /// Stops and clears the line.
    func finish() {
        ticker.withLock { $0?.cancel() }
        state.withLock { state in
            if state.shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            state.shown = false
        }
    }

    private func tick() {
        state.withLock { state in
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - state.started.uptimeNanoseconds) / 1e9
            guard seconds >= delay, !state.step.isEmpty else { return }
            state.shown = true
            FileHandle.standardError.write(Data("\rrampart: \(state.step)… \(Int(seconds)) s\u{1B}[K".utf8))
        }
    }
}
