import ArgumentParser
import Foundation

/// `--max-memory MB`: a run whose resident memory passes the limit stops with an error naming it
/// (exit 2) instead of being killed by the kernel or the container runtime without a word. Without
/// the option the limit is 90 % of the container's (cgroup's) memory limit, when there is one.
/// Memory grows with the objects loaded (about 50 KB a minimal Pod today): split the inputs or raise
/// the limit.
struct MemoryLimitOptions: ParsableArguments {
    @Option(name: .customLong("max-memory"),
            help: ArgumentHelp("Stop with an error (exit 2) once memory use passes this many MB. Default: 90 % of the container's memory limit, if any.",
                               valueName: "MB"))
    var maxMemory: Int?

    func validate() throws {
        if let maxMemory, maxMemory <= 0 { throw ValidationError("--max-memory must be a positive number of MB") }
    }

    /// Starts watching this process's resident memory from a thread of its own; nothing without a limit.
    func watch() {
        let limit: (bytes: Int, source: String)
        if let maxMemory {
            limit = (maxMemory << 20, "--max-memory \(maxMemory)")
        } else if let container = Self.containerLimit() {
            limit = (container / 10 * 9, "90 % of the container's memory limit; --max-memory changes it")
        } else {
            return
        }
        let thread = Thread { MemoryLimitOptions.stop(past: limit.bytes, source: limit.source) }
        thread.stackSize = 64 << 10
        thread.start()
    }

    /// Reads the resident memory every 20 ms; past `bytes`, writes the error and ends the process.
    private static func stop(past bytes: Int, source: String) -> Never {
        let page = sysconf(Int32(_SC_PAGESIZE))
        while true {
            if let resident = residentPages(), resident * page > bytes {
                let message = "rampart: stopped: memory use reached \(String(format: "%.1f", Double(resident * page) / 1_048_576)) MB, past the limit of \(bytes >> 20) MB "
                    + "(\(source)); split the inputs or raise the limit\n"
                _ = message.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) }
                _exit(ExitCode.inputError.rawValue)
            }
            usleep(20_000)
        }
    }

    /// The second field of `/proc/self/statm`: resident pages.
    private static func residentPages() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .ascii) else { return nil }
        let fields = text.split(separator: " ")
        return fields.count > 1 ? Int(fields[1]) : nil
    }

    /// The cgroup's memory limit in bytes (v2 `memory.max`, else v1 `memory.limit_in_bytes`), or nil.
    private static func containerLimit() -> Int? {
        for path in ["/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"] {
            guard let text = try? String(contentsOfFile: path, encoding: .ascii),
                  let bytes = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) else { continue }
            return bytes < 1 << 50 ? bytes : nil
        }
        return nil
    }
}
