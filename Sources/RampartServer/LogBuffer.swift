import Foundation
import Synchronization

/// Log lines gathered in memory and written to a file descriptor in batches, so a request that logs
/// costs a copy instead of a `write(2)` (measured: one write per decision took about a tenth of the
/// webhook's CPU under load). The server flushes it every `WebhookServer.Options.logFlushInterval`
/// and when it stops; a batch is also written as soon as it reaches `batchSize`. A crash loses at
/// most one interval of lines.
public final class LogBuffer: Sendable {
    /// Pending bytes that trigger an immediate write.
    public static let batchSize = 64 << 10

    private let descriptor: Int32
    private let pending = Mutex<[UInt8]>([])
    /// Held while a batch is taken and written, so batches reach the descriptor in order.
    private let writing = Mutex<Void>(())

    /// Writes to `descriptor` (standard error by default), which stays open.
    public init(descriptor: Int32 = 2) {
        self.descriptor = descriptor
    }

    /// Adds one line (its newline included).
    public func append(_ line: [UInt8]) {
        let isFull = pending.withLock { bytes in
            bytes.append(contentsOf: line)
            return bytes.count >= Self.batchSize
        }
        if isFull { flush() }
    }

    /// Writes everything pending.
    public func flush() {
        writing.withLock { _ in
            let batch = pending.withLock { bytes in
                defer { bytes.removeAll(keepingCapacity: true) }
                return bytes
            }
            batch.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                    if written < 0, errno == EINTR { continue }
                    guard written > 0 else { return }
                    offset += written
                }
            }
        }
    }
}
