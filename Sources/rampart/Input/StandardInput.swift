import Foundation

/// Standard input read with `read(2)`, never with Foundation's `readDataToEndOfFile()`, which traps
/// when stdin is a directory and reads an endless stream (`/dev/zero`) until memory runs out.
enum StandardInput {
    /// The most standard input Rampart reads: a larger stream is an input error naming this limit.
    static let limit = 1 << 30

    /// Why standard input could not be read.
    enum Failure: Error {
        case unreadable(String)
        case tooLarge(limit: Int)

        var message: String {
            switch self {
            case .unreadable(let reason): "cannot read standard input: \(reason)"
            case .tooLarge(let limit): "standard input is larger than \(limit >> 20) MiB, the most Rampart reads; give a file instead"
            }
        }
    }

    /// Every byte of standard input, up to `limit`.
    static func read(limit: Int = limit) throws(Failure) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(String(cString: strerror(errno)))
            }
            guard bytes.count + count <= limit else { throw .tooLarge(limit: limit) }
            bytes.append(contentsOf: chunk[..<count])
        }
    }
}
