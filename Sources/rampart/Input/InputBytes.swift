import Foundation
import RampartModel
import Synchronization

/// The bytes of an input, read with `read(2)` straight into the array the loader parses: never with
/// Foundation's `readDataToEndOfFile()`, which traps when stdin is a directory and reads an endless
/// stream (`/dev/zero`) until memory runs out, and never through a `Data` copied into an array, which
/// touches every page of a large file twice.
enum InputBytes {
    /// The most Rampart reads from a stream of unknown size (standard input, a pipe, a device): a
    /// larger one is an input error naming this limit. Regular files are read whole.
    static let streamLimit = 1 << 30

    /// Regular files at least this large are read in one part per core at once: the copy and the
    /// first touch of each page of the array are otherwise a serial 50 ms in a 65 MB file.
    static let partedReadThreshold = 8 << 20

    /// Why an input could not be read.
    enum Failure: Error {
        case unreadable(String)
        case tooLarge(limit: Int)

        /// The error's text, for the input named `input` ("standard input", "the file").
        func message(_ input: String) -> String {
            switch self {
            case .unreadable(let reason): "cannot read \(input): \(reason)"
            case .tooLarge(let limit): "\(input) is larger than \(limit >> 20) MiB, the most Rampart reads from a stream (standard input, a pipe, a device); give a regular file instead"
            }
        }
    }

    /// Every byte of standard input, up to `limit`.
    static func standardInput(limit: Int = streamLimit) throws(Failure) -> [UInt8] {
        try read(STDIN_FILENO, limit: limit)
    }

    /// Every byte of the file at `path`; a stream (a pipe, a device) up to `limit`.
    static func file(_ path: String, limit: Int = streamLimit) throws(Failure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(String(cString: strerror(errno))) }
        defer { close(descriptor) }
        return try read(descriptor, limit: limit)
    }

    /// Every byte of `descriptor`: a regular file whole, into an array of its size; anything else
    /// up to `limit`.
    private static func read(_ descriptor: Int32, limit: Int) throws(Failure) -> [UInt8] {
        var status = stat()
        let regular = fstat(descriptor, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
        // One byte more than the file's size, so that reading it whole meets the end of the file.
        let expected = regular ? Int(status.st_size) + 1 : 1 << 16
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, initialized in
            // The parts end at the size `fstat` gave; what follows is read as from any file, from there.
            if regular, expected > partedReadThreshold, readInParts(descriptor, into: buffer, count: expected - 1),
               lseek(descriptor, off_t(expected - 1), SEEK_SET) == off_t(expected - 1) {
                initialized = expected - 1
            }
            while initialized < buffer.count {
                let count = Foundation.read(descriptor, buffer.baseAddress! + initialized, buffer.count - initialized)
                if count == 0 { return }
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                initialized += count
            }
        }
        if failure != 0 { throw .unreadable(String(cString: strerror(failure))) }
        if bytes.count < expected { return bytes }
        // A stream, or a file that grew while it was read: the rest in chunks.
        let rest = regular ? Int.max : limit
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(String(cString: strerror(errno)))
            }
            guard bytes.count + count <= rest else { throw .tooLarge(limit: limit) }
            bytes.append(contentsOf: chunk[..<count])
        }
    }

    /// Reads the first `count` bytes of the file into `buffer` with `pread(2)`, one part per core at
    /// once; false when a part meets an error or the end of the file first (the file shrank: the
    /// caller reads it again from the start, whose offset `pread` leaves untouched).
    private static func readInParts(_ descriptor: Int32, into buffer: UnsafeMutableBufferPointer<UInt8>, count: Int) -> Bool {
        let parts = ProcessInfo.processInfo.activeProcessorCount
        let complete = Atomic<Int>(0)
        // Each part writes its own range of the buffer, which outlives the loop.
        nonisolated(unsafe) let base = buffer.baseAddress!
        Parallel.forEach(parts) { part in
            var offset = count * part / parts
            let end = count * (part + 1) / parts
            while offset < end {
                let read = pread(descriptor, base + offset, end - offset, off_t(offset))
                if read < 0, errno == EINTR { continue }
                guard read > 0 else { return }
                offset += read
            }
            complete.add(1, ordering: .relaxed)
        }
        return complete.load(ordering: .relaxed) == parts
    }
}
