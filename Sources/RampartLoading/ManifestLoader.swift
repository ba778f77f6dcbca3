import Dispatch
import Foundation
import RampartModel
import Synchronization

/// What loading one input produced: the objects found and the problems met.
public struct LoadResult: Sendable {
    public var objects: [KubeObject] = []
    public var errors: [InputError] = []
    /// Number of non-empty documents read (including those that were not Kubernetes objects).
    public var documents = 0
    /// Number of inputs (files, stdin) read without any error.
    public var cleanInputs = 0

    public init(objects: [KubeObject] = [], errors: [InputError] = [], documents: Int = 0) {
        self.objects = objects
        self.errors = errors
        self.documents = documents
    }

    public mutating func append(_ other: LoadResult) {
        objects += other.objects
        errors += other.errors
        documents += other.documents
        cleanInputs += other.cleanInputs
    }
}

/// Turns the bytes of a YAML or JSON manifest stream into Kubernetes objects with source marks.
///
/// Multi-document streams, `kind: List` and typed lists (`PodList`, …) are expanded. A malformed
/// document becomes an `InputError` naming the file and line, and parsing resumes at the next
/// document separator, so one broken document does not hide the others. Pure: no file access.
public enum ManifestLoader {
    /// Streams at least this large are split at document separators and parsed on every core.
    static let parallelThreshold = 256 << 10
    /// Chunks of a large file per core, at most: about one per megabyte below that, so that the
    /// last chunk to finish keeps the other cores waiting for a few milliseconds only.
    static let chunksPerCore = 64

    /// Loads every object of a manifest stream. `file` names the input in objects and errors.
    /// Large streams are cut at `---` lines into chunks parsed in parallel; each chunk's parser
    /// starts at the line the chunk starts on, so marks stay exact.
    public static func load(_ bytes: [UInt8], file: String) -> LoadResult {
        if let explanation = PackagingFile.explanation(forFile: file) {
            return LoadResult(errors: [InputError(file: file, line: 1, message: explanation)])
        }
        var result = bytes.withUnsafeBufferPointer { buffer -> LoadResult in
            let chunks = documentChunks(buffer)
            if chunks.count == 1 { return loadChunk(buffer, lineOffset: 0, file: file) }
            let results = Mutex<[LoadResult]>(Array(repeating: LoadResult(), count: chunks.count))
            // Read-only for the duration of the parallel loop, which ends before `bytes` can change.
            nonisolated(unsafe) let input = buffer
            // Chunks are many per core in a large file, so that one slower to parse (content
            // differs along a file) leaves the others little to wait for.
            DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
                let chunk = chunks[index]
                let slice = UnsafeBufferPointer(rebasing: input[chunk.range])
                let loaded = loadChunk(slice, lineOffset: chunk.lineOffset, file: file)
                results.withLock { $0[index] = loaded }
            }
            return results.withLock { $0 }.reduce(into: LoadResult()) { $0.append($1) }
        }
        result.errors.sort { ($0.line, $0.column) < ($1.line, $1.column) }
        if !result.errors.isEmpty, let hint = bytes.withUnsafeBufferPointer(PackagingFile.templateHint) {
            for index in result.errors.indices { result.errors[index].message += " (\(hint))" }
        }
        result.cleanInputs = result.errors.isEmpty ? 1 : 0
        return result
    }

    private static func loadChunk(_ buffer: UnsafeBufferPointer<UInt8>, lineOffset: Int, file: String) -> LoadResult {
        var result = LoadResult()
        var errors: [InputError] = []
        parse(buffer, lineOffset: lineOffset, file: file, errors: &errors) { root in
            result.documents += 1
            expand(root, file: file, into: &result)
        }
        result.errors = errors + result.errors
        return result
    }

    /// Every non-empty document of a YAML or JSON stream, whatever it holds (configuration files, reports).
    public static func documents(_ bytes: [UInt8], file: String) -> (documents: [Node], errors: [InputError]) {
        var documents: [Node] = []
        var errors: [InputError] = []
        bytes.withUnsafeBufferPointer { buffer in
            parse(buffer, lineOffset: 0, file: file, errors: &errors) { documents.append($0) }
        }
        return (documents, errors)
    }

    /// Calls `handle` with each non-empty document; records errors and resumes after each.
    private static func parse(_ buffer: UnsafeBufferPointer<UInt8>, lineOffset firstLine: Int, file: String,
                              errors: inout [InputError], _ handle: (Node) -> Void) {
        var start = 0
        var lineOffset = firstLine
        guard let base = buffer.baseAddress else { return }
        let tabs = TabCheck(base: base, count: buffer.count)
        while start < buffer.count {
            var parser = DocumentParser(base: base + start, count: buffer.count - start, lineOffset: lineOffset,
                                        tabs: tabs.shifted(by: lineOffset - firstLine))
            defer { parser.close() }
            do throws(DocumentParser.Failure) {
                while let document = try parser.nextDocument() {
                    guard let root = document.root, !root.isNull else { continue }
                    handle(root)
                }
                return
            } catch {
                errors.append(InputError(file: file, line: error.mark.line, column: error.mark.column,
                                         message: error.message))
                guard let resume = nextDocumentStart(in: buffer, from: start, atOrAfterLine: error.mark.line - lineOffset) else {
                    return
                }
                lineOffset += resume.lines
                start = resume.offset
            }
        }
    }

    /// Cuts a large stream into chunks of about a megabyte (at least two per core), each starting at
    /// a `---` line (document markers cannot occur inside a Kubernetes object's content: block
    /// scalars are indented, and YAML forbids them in quoted scalars). Returns one chunk for small streams.
    static func documentChunks(_ buffer: UnsafeBufferPointer<UInt8>) -> [(range: Range<Int>, lineOffset: Int)] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        // Two chunks a core, one a megabyte in larger files (up to `chunksPerCore` a core), none under 64 KB.
        let wanted = min(cores * chunksPerCore, max(cores * 2, buffer.count >> 20), buffer.count / (parallelThreshold / 4))
        guard buffer.count >= parallelThreshold, wanted > 1 else { return [(0..<buffer.count, 0)] }
        var chunks: [(range: Range<Int>, lineOffset: Int)] = []
        var start = 0, lineOffset = 0
        for part in 1..<wanted {
            guard let cut = nextSeparator(in: buffer, from: max(start + 1, buffer.count * part / wanted)) else { break }
            chunks.append((start..<cut, lineOffset))
            lineOffset += newlines(in: buffer, start..<cut)
            start = cut
        }
        chunks.append((start..<buffer.count, lineOffset))
        return chunks
    }

    /// The offset of the first `---` line starting at or after `offset`.
    private static func nextSeparator(in buffer: UnsafeBufferPointer<UInt8>, from offset: Int) -> Int? {
        let newline = UInt8(ascii: "\n"), dash = UInt8(ascii: "-")
        var index = offset
        while index + 3 < buffer.count {
            if buffer[index] == newline, buffer[index + 1] == dash, buffer[index + 2] == dash, buffer[index + 3] == dash {
                let after = index + 4 < buffer.count ? buffer[index + 4] : newline
                if after == newline || after == UInt8(ascii: " ") || after == UInt8(ascii: "\r") { return index + 1 }
            }
            index += 1
        }
        return nil
    }

    /// The newline bytes in `range`, eight at a time (a byte loop is a serial 60 ms in a 65 MB file).
    static func newlines(in buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        let newlines: UInt64 = 0x0A0A_0A0A_0A0A_0A0A, low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        var count = 0
        var index = range.lowerBound
        while range.upperBound - index >= 8 {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ newlines
            // The high bit of each byte of `word` that is zero (was a newline), and of no other:
            // no sum carries into the next byte.
            count &+= (~(((word & low7) &+ low7) | word | low7)).nonzeroBitCount
            index += 8
        }
        for tail in index..<range.upperBound where buffer[tail] == UInt8(ascii: "\n") { count += 1 }
        return count
    }

    /// Adds the object in `root`, or the items of a list, to `result`.
    static func expand(_ root: Node, file: String, into result: inout LoadResult) {
        guard root.isMapping else {
            result.errors.append(InputError(file: file, line: root.mark.line, column: root.mark.column,
                                            message: "document is not a mapping, so not a Kubernetes object"))
            return
        }
        guard let kind = root["kind"]?.string, !kind.isEmpty else { return }
        if kind.hasSuffix("List"), let items = root["items"], items.isSequence {
            let itemKind = String(kind.dropLast(4))
            let apiVersion = root["apiVersion"]
            for item in items.items {
                expand(Self.filling(item, kind: itemKind, apiVersion: apiVersion), file: file, into: &result)
            }
            return
        }
        if let object = KubeObject(root: root, file: file) { result.objects.append(object) }
    }

    /// Items of typed lists (`PodList`) may omit `kind` and `apiVersion`; they take them from the list.
    private static func filling(_ item: Node, kind: String, apiVersion: Node?) -> Node {
        guard item.isMapping, item["kind"] == nil, !kind.isEmpty else { return item }
        var entries = item.entries
        entries.insert(MappingEntry(key: "kind", keyMark: item.mark, value: Node(.scalar(Scalar(kind, isPlain: false)), mark: item.mark)), at: 0)
        if item["apiVersion"] == nil, let apiVersion {
            entries.insert(MappingEntry(key: "apiVersion", keyMark: item.mark, value: apiVersion), at: 0)
        }
        return Node(.mapping(entries), mark: item.mark)
    }

    /// Where parsing can resume after a failure on 1-based `line` (relative to `from`): the first
    /// `---` line at or after it (the error may be reported on the marker that starts the next
    /// document, which must not be skipped), past the start of the broken document. Returns the byte
    /// offset and the number of lines skipped.
    private static func nextDocumentStart(in buffer: UnsafeBufferPointer<UInt8>, from start: Int,
                                          atOrAfterLine line: Int) -> (offset: Int, lines: Int)? {
        var currentLine = 1
        var index = start
        let newline = UInt8(ascii: "\n"), dash = UInt8(ascii: "-")
        while index < buffer.count {
            let atLineStart = index == start || buffer[index - 1] == newline
            if atLineStart, currentLine >= line, index > start, index + 2 < buffer.count,
               buffer[index] == dash, buffer[index + 1] == dash, buffer[index + 2] == dash {
                let after = index + 3 < buffer.count ? buffer[index + 3] : newline
                if after == newline || after == UInt8(ascii: " ") || after == UInt8(ascii: "\r") {
                    return (index, currentLine - 1)
                }
            }
            if buffer[index] == newline { currentLine += 1 }
            index += 1
        }
        return nil
    }
}
