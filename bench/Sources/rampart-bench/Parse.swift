import Foundation
import RampartAdmission
import RampartModel

/// `parse REVIEW.json [ITERATIONS] [PHASE]`: the webhook's JSON parser against Foundation's
/// `JSONSerialization` turned into the same `Node` tree, on one AdmissionReview body. Prints the
/// median microseconds over ITERATIONS rounds (default 20,000) of:
///
/// - `tree`: the parser building the whole body's tree. The parser is internal to RampartAdmission,
///   so this goes through `AdmissionReview.decode` with the body as `request.object` of a minimal
///   review (objects are built whole but for their own `status` and `metadata.managedFields`, which a
///   review does not have at its top): the whole tree plus a wrapper of about 150 bytes.
/// - `selected`: `AdmissionReview.decode` of the body itself, as the webhook decodes it (only the
///   members the decision reads become nodes).
/// - `foundation-tree`: `JSONSerialization.jsonObject` of the wrapped body turned into the same tree
///   (scalars with their text, keys in the dictionary's order, no marks) and the same request.
/// - `foundation`: `JSONSerialization.jsonObject` of the body alone (no tree).
///
/// With PHASE, only that phase runs (for `valgrind --tool=callgrind`: the instructions of N rounds
/// minus those of 0 rounds, divided by N).
func parse(_ arguments: [String]) {
    guard let path = arguments.first else { fail(usage) }
    let iterations = arguments.dropFirst().first.flatMap { Int($0) } ?? 20_000
    let only = arguments.dropFirst(2).first
    guard iterations >= 0, let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    let body = Array(data)
    let wrapped = Array(#"{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","kind":{"group":"","version":"v1","kind":"Pod"},"operation":"CREATE","object":"#.utf8)
        + body + Array("}}".utf8)
    // Each phase returns a count of what it built, summed so that no work can be optimised away.
    let phases: [(name: String, run: () -> Int?)] = [
        ("tree", { (try? AdmissionReview.decode(wrapped))?.request.object?.entries.count }),
        ("selected", { (try? AdmissionReview.decode(body))?.request.uid.utf8.count }),
        ("foundation-tree", { FoundationTree.decode(wrapped)?.object?.entries.count }),
        ("foundation", { (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) == nil ? nil : 1 }),
    ].filter { only == nil || $0.name == only }
    guard !phases.isEmpty else { fail(usage) }
    // The trees must be the same (keys and scalars, in any key order) before their times mean anything.
    if only == nil, let ours = (try? AdmissionReview.decode(wrapped))?.request.object, let theirs = FoundationTree.decode(wrapped)?.object {
        guard FoundationTree.same(ours, theirs) else { fail("the parser's tree and JSONSerialization's differ on \(path)") }
    }
    var nanoseconds = [[UInt64]](repeating: [], count: phases.count)
    var checksum = 0
    for _ in 0..<iterations {
        for (index, phase) in phases.enumerated() {
            let start = DispatchTime.now().uptimeNanoseconds
            guard let count = phase.run() else { fail("\(phase.name): \(path) is not a review both parsers read") }
            checksum &+= count
            nanoseconds[index].append(DispatchTime.now().uptimeNanoseconds - start)
        }
    }
    guard iterations > 0 else { return }
    let medians = zip(phases, nanoseconds).map { phase, times in
        "\(phase.name) \(String(format: "%.1f", Double(times.sorted()[times.count / 2]) / 1000))"
    }
    print("µs median (\(body.count) bytes): " + medians.joined(separator: " ") + " (checksum \(checksum))")
}

/// A review decoded with `JSONSerialization` into the tree `JSONTreeParser` builds: objects become
/// mappings (in the dictionary's order: Foundation keeps none), strings quoted scalars, numbers,
/// booleans and null plain scalars with their text; then the request read as `AdmissionRequest` reads it.
enum FoundationTree {
    static let mark = SourceMark(line: 1, column: 1)

    static func decode(_ body: [UInt8]) -> AdmissionRequest? {
        guard let value = try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed]) else { return nil }
        let review = node(value)
        guard let request = review["request"], let uid = request["uid"]?.string, let kind = request["kind"]?["kind"]?.string,
              let operation = request["operation"]?.string.flatMap(AdmissionRequest.Operation.init(rawValue:)) else { return nil }
        return AdmissionRequest(uid: uid, group: request["kind"]?["group"]?.string ?? "", kind: kind,
                                resource: request["resource"]?["resource"]?.string ?? "",
                                subResource: request["subResource"]?.string, namespace: request["namespace"]?.string,
                                name: request["name"]?.string, operation: operation,
                                userInfo: AdmissionRequest.UserInfo(username: request["userInfo"]?["username"]?.string ?? "",
                                                                    groups: request["userInfo"]?["groups"]?.items.compactMap(\.string) ?? []),
                                dryRun: request["dryRun"]?.bool ?? false,
                                object: request["object"], oldObject: request["oldObject"])
    }

    static func node(_ value: Any) -> Node {
        switch value {
        case let object as [String: Any]:
            var entries: [MappingEntry] = []
            entries.reserveCapacity(object.count)
            for (key, member) in object { entries.append(MappingEntry(key: key, keyMark: mark, value: node(member))) }
            return Node(.mapping(entries), mark: mark)
        case let array as [Any]:
            return Node(.sequence(array.map(node)), mark: mark)
        case let string as String:
            return Node(.scalar(Scalar(string, isPlain: false)), mark: mark)
        case let number as NSNumber:
            let text = type(of: number) == booleanType ? (number.boolValue ? "true" : "false") : number.stringValue
            return Node(.scalar(Scalar(text, isPlain: true)), mark: mark)
        default:
            return Node(.scalar(Scalar("null", isPlain: true)), mark: mark)
        }
    }

    private static let booleanType = type(of: NSNumber(value: true))

    /// Same keys and scalar texts, keys in any order (numbers compared by value).
    static func same(_ lhs: Node, _ rhs: Node) -> Bool {
        switch (lhs.content, rhs.content) {
        case (.scalar(let a), .scalar(let b)):
            return a.isPlain == b.isPlain && (a.text == b.text || (a.isPlain && Double(a.text) != nil && Double(a.text) == Double(b.text)))
        case (.sequence(let a), .sequence(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { same($0, $1) }
        case (.mapping(let a), .mapping(let b)):
            return a.count == b.count && a.allSatisfy { entry in rhs[entry.key].map { same(entry.value, $0) } ?? false }
        default:
            return false
        }
    }
}
