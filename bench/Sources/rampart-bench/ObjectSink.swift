import Foundation
import RampartModel

/// Takes generated objects until the requested count is reached, and streams them out as YAML.
final class ObjectSink {
    let capacity: Int
    private(set) var count = 0
    private var text = ""
    private let handle: FileHandle

    init(capacity: Int, handle: FileHandle) {
        self.capacity = capacity
        self.handle = handle
    }

    var isFull: Bool { count >= capacity }

    /// Writes `object` unless the sink is full.
    func emit(_ object: YAMLValue) {
        guard !isFull else { return }
        count += 1
        text += YAMLWriter.stream([object.node])
        if text.utf8.count > 1 << 20 { flush() }
    }

    /// Writes out whatever is buffered.
    func flush() {
        handle.write(Data(text.utf8))
        text = ""
    }
}
