internal import CYaml
import RampartModel

/// Builds `Node` trees straight from libyaml parser events, one document at a time.
///
/// This skips Yams' `Node` and resolver (measured 2.6-7x slower) while keeping libyaml's own marks.
/// It stops hostile input instead of crashing or hanging: nesting is capped, and aliases may not
/// expand a document beyond a fixed number of nodes (billion laughs).
struct DocumentParser {
    /// Deepest nesting accepted; Kubernetes objects stay far below it.
    static let maximumDepth = 256
    /// Most nodes a document may reach through alias expansion.
    static let maximumExpandedNodes = 2_000_000

    /// A parse failure, with the 1-based position libyaml reported.
    struct Failure: Error {
        var mark: SourceMark
        var message: String
    }

    /// A collection being built; mutated in place on the stack so appends never copy. Frames are
    /// reused from one collection to the next at the same depth, so their buffers grow once per
    /// document stream rather than once per collection, and each finished collection is copied out
    /// at its exact size (no spare capacity kept in the tree).
    private struct Frame {
        var isMapping = false
        var isFlow = false
        var mark = SourceMark(line: 0, column: 0)
        var anchor: String?
        var items: [Node] = []
        var entries: [MappingEntry] = []
        var merged: [MappingEntry] = []
        var pendingKey: Node?
        var size = 1

        /// Starts a new collection in this frame, keeping the buffers' capacity.
        mutating func start(isMapping: Bool, isFlow: Bool, mark: SourceMark, anchor: String?) {
            self.isMapping = isMapping
            self.isFlow = isFlow
            self.mark = mark
            self.anchor = anchor
            items.removeAll(keepingCapacity: true)
            entries.removeAll(keepingCapacity: true)
            merged.removeAll(keepingCapacity: true)
            pendingKey = nil
            size = 1
        }

        var node: Node {
            if !isMapping { return Node(.sequence(Self.exactCopy(items)), mark: mark) }
            // Merge keys (`<<: *defaults`) give way to the mapping's own keys; lookups take the last entry.
            return Node(.mapping(merged.isEmpty ? Self.exactCopy(entries) : merged + entries), mark: mark)
        }

        /// A copy of `array` in storage of its own, exactly as large as it needs.
        private static func exactCopy<Element>(_ array: [Element]) -> [Element] {
            Array(unsafeUninitializedCapacity: array.count) { buffer, count in
                count = buffer.initialize(fromContentsOf: array)
            }
        }

        mutating func add(_ node: Node, size: Int) throws(Failure) {
            self.size += size
            guard isMapping else {
                items.append(node)
                return
            }
            guard let key = pendingKey else {
                pendingKey = node
                return
            }
            pendingKey = nil
            guard case .scalar(let keyScalar) = key.content else {
                throw Failure(mark: key.mark, message: "mapping key is not a scalar")
            }
            if keyScalar.isPlain, keyScalar.text == "<<" {
                merged.append(contentsOf: node.isSequence ? node.items.flatMap(\.entries) : node.entries)
            } else {
                entries.append(MappingEntry(key: keyScalar.text, keyMark: key.mark, value: node))
            }
        }
    }

    /// On the heap: libyaml keeps a pointer to the parser inside it, so it must never move.
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let lineOffset: Int
    private let tabs: TabCheck
    private var anchors: [String: (node: Node, size: Int)] = [:]
    private var strings = StringInterner()
    /// The open collections are `frames[..<depth]`; frames past it wait to be reused.
    private var frames: [Frame] = []
    private var depth = 0

    /// Parses `count` bytes at `base`; lines are reported `lineOffset` lines further down. `tabs`
    /// indexes the lines with tabs of what the parser reads (shifted to its first line).
    init(base: UnsafePointer<UInt8>, count: Int, lineOffset: Int, tabs: TabCheck) {
        self.lineOffset = lineOffset
        self.tabs = tabs
        parser = .allocate(capacity: 1)
        parser.initialize(to: yaml_parser_t())
        yaml_parser_initialize(parser)
        yaml_parser_set_input_string(parser, base, count)
    }

    /// Frees libyaml's parser; call once, when done.
    func close() {
        yaml_parser_delete(parser)
        parser.deallocate()
    }

    /// The next document's root (nil for an empty document) and its start mark, or nil at the end
    /// of the stream.
    mutating func nextDocument() throws(Failure) -> (root: Node?, start: SourceMark)? {
        anchors.removeAll(keepingCapacity: true)
        depth = 0
        var root: Node?
        var documentStart = SourceMark(line: 1 + lineOffset, column: 1)
        var expanded = 0
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(parser, &event) == 1 else { throw parserFailure() }
            defer { yaml_event_delete(&event) }
            let mark = self.mark(event.start_mark)
            var finished: (Node, Int)?
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_DOCUMENT_START_EVENT:
                documentStart = mark
                root = nil
            case YAML_DOCUMENT_END_EVENT:
                return (root, documentStart)
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let text = scalar.value.map { strings.string(UnsafeBufferPointer(start: $0, count: scalar.length)) } ?? ""
                let plain = scalar.style == YAML_PLAIN_SCALAR_STYLE && !Self.isStringTag(scalar.tag)
                if depth == 0 || !frames[depth - 1].isFlow, let tab = tabs.tabColumn(around: event.start_mark, event.end_mark) {
                    throw Failure(mark: SourceMark(line: tab.line + 1 + lineOffset, column: tab.column + 1),
                                  message: "tab character used as separation in block context (YAML 1.1 parsers reject it; use spaces)")
                }
                let node = Node(.scalar(Scalar(text, isPlain: plain)), mark: mark)
                remember(anchor: scalar.anchor, node: node, size: 1)
                finished = (node, 1)
            case YAML_ALIAS_EVENT:
                let name = Self.optionalString(event.data.alias.anchor) ?? ""
                guard let target = anchors[name] else {
                    throw Failure(mark: mark, message: "unknown alias '*\(name)'")
                }
                expanded += target.size
                guard expanded <= Self.maximumExpandedNodes else {
                    throw Failure(mark: mark, message: "aliases expand this document beyond \(Self.maximumExpandedNodes) nodes")
                }
                finished = (target.node, target.size)
            case YAML_SEQUENCE_START_EVENT:
                try open(isMapping: false, isFlow: event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE, mark: mark,
                         anchor: Self.optionalString(event.data.sequence_start.anchor))
            case YAML_MAPPING_START_EVENT:
                try open(isMapping: true, isFlow: event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE, mark: mark,
                         anchor: Self.optionalString(event.data.mapping_start.anchor))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard depth > 0 else { break }
                depth -= 1
                let node = frames[depth].node
                remember(anchor: frames[depth].anchor, node: node, size: frames[depth].size)
                finished = (node, frames[depth].size)
            default:
                break
            }
            if let (node, size) = finished {
                if depth == 0 {
                    root = node
                } else {
                    try frames[depth - 1].add(node, size: size)
                }
            }
        }
    }

    /// Opens a collection one level deeper, in a reused frame when there is one.
    private mutating func open(isMapping: Bool, isFlow: Bool, mark: SourceMark, anchor: String?) throws(Failure) {
        guard depth < Self.maximumDepth else { throw depthFailure(mark) }
        if depth == frames.count { frames.append(Frame()) }
        frames[depth].start(isMapping: isMapping, isFlow: isFlow, mark: mark, anchor: anchor)
        depth += 1
    }

    private mutating func remember(anchor: String?, node: Node, size: Int) {
        if let anchor { anchors[anchor] = (node, size) }
    }

    private mutating func remember(anchor: UnsafeMutablePointer<yaml_char_t>?, node: Node, size: Int) {
        remember(anchor: Self.optionalString(anchor), node: node, size: size)
    }

    private func mark(_ mark: yaml_mark_t) -> SourceMark {
        SourceMark(line: Int(mark.line) + 1 + lineOffset, column: Int(mark.column) + 1)
    }

    private func depthFailure(_ mark: SourceMark) -> Failure {
        Failure(mark: mark, message: "nesting deeper than \(Self.maximumDepth) levels")
    }

    private func parserFailure() -> Failure {
        let problem = parser.pointee.problem.map { String(cString: $0) } ?? "cannot parse YAML"
        // libyaml's own limit ("Maximum nesting level reached, set with yaml_set_max_nest_level()") names its
        // API; it counts the flow collections it scans ahead too, so it trips only past a depth of about 1000,
        // deeper than ours: say it as ours is said.
        if problem.lowercased().contains("nesting level") {
            return depthFailure(mark(parser.pointee.problem_mark))
        }
        let context = parser.pointee.context.map { String(cString: $0) + ": " } ?? ""
        return Failure(mark: mark(parser.pointee.problem_mark), message: context + problem)
    }

    private static func optionalString(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private static func isStringTag(_ tag: UnsafeMutablePointer<yaml_char_t>?) -> Bool {
        guard let tag else { return false }
        return String(cString: tag) == "tag:yaml.org,2002:str"
    }
}
