import Foundation
@testable import RampartAdmission
import RampartLoading
import RampartModel
import Testing

@Suite("The AdmissionReview JSON parser")
struct JSONTreeParserTests {
    /// Same shape, keys, scalar texts and plainness.
    func same(_ lhs: Node, _ rhs: Node) -> Bool {
        switch (lhs.content, rhs.content) {
        case (.scalar(let a), .scalar(let b)): return a == b
        case (.sequence(let a), .sequence(let b)): return a.count == b.count && zip(a, b).allSatisfy { same($0, $1) }
        case (.mapping(let a), .mapping(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && same($0.value, $1.value) }
        default: return false
        }
    }

    @Test(arguments: [
        Reviews.upstreamScale,
        Reviews.review(Reviews.pod([Reviews.goodContainer, Reviews.privilegedContainer])),
        #"{"a":"\u00e9 \"q\" \\ \n\t","n":[-0.5e+3,0,12,true,false,null],"e":{},"l":[]}"#,
    ])
    func buildsTheTreeLibyamlBuilds(_ json: String) throws {
        let expected = try #require(ManifestLoader.documents(Array(json.utf8), file: "t").documents.first)
        #expect(same(try JSONTreeParser.parse(Array(json.utf8)), expected))
    }

    @Test func readsEscapesAndTypes() throws {
        let root = try JSONTreeParser.parse(Array(#"{"s":"a\u00e9\ud83d\ude00\n","t":true,"i":42,"z":null,"lone":"\ud800x"}"#.utf8))
        #expect(root["s"]?.string == "aé😀\n")
        #expect(root["t"]?.bool == true && root["i"]?.int == 42 && root["z"]?.isNull == true)
        #expect(root["lone"]?.string == "\u{FFFD}x")
    }

    @Test func skipsWhatTheSelectionLeavesOut() throws {
        let object = #"{"metadata":{"managedFields":[{"f:spec":{"f:x":{}},"s":"]}"}],"name":"p"},"spec":{"status":1},"status":{"phase":"Running"}}"#
        let root = try JSONTreeParser.parse(Array(object.utf8), selecting: .kubernetesObject)
        #expect(root.entries.map(\.key) == ["metadata", "spec"])
        #expect(root["metadata"]?.entries.map(\.key) == ["name"])
        #expect(root["metadata"]?["name"]?.string == "p")
        // Only the object's own status is left out, not a field of that name deeper down.
        #expect(root["spec"]?["status"]?.int == 1)
    }

    /// What a selection skips is checked as strictly as what it builds: a body is refused or accepted
    /// whatever is skipped.
    @Test(arguments: [
        #"{"status":[}"#, #"{"status":}"#, #"{"status":tru}"#, #"{"status":{"a" 1}}"#, #"{"status":01}"#,
        #"{"status":{a:1}}"#, #"{"status":[1 2]}"#, #"{"status":"\x"}"#, "{\"status\":\"\u{01}\"}",
        #"{"metadata":{"managedFields":[{"f:spec":}]}}"#,
        "{\"status\":" + String(repeating: "[", count: 300) + String(repeating: "]", count: 300) + "}",
    ])
    func refusesMalformedInputItSkips(_ text: String) {
        #expect(throws: AdmissionReviewError.self) { try JSONTreeParser.parse(Array(text.utf8), selecting: .kubernetesObject) }
    }

    @Test func skipsWellFormedValuesOfEveryKind() throws {
        let text = #"{"status":{"a":"x\"y\u00e9","b":[true,false,null,-1.5e3,{}],"c":""},"spec":{"n":1}}"#
        let root = try JSONTreeParser.parse(Array(text.utf8), selecting: .kubernetesObject)
        #expect(root.entries.map(\.key) == ["spec"] && root["spec"]?["n"]?.int == 1)
    }

    /// The review keeps what `AdmissionRequest` reads and nothing else of the request.
    @Test func readsOnlyTheRequestFieldsTheDecisionUses() throws {
        let body = Reviews.upstreamScale
        let full = try JSONTreeParser.parse(Array(body.utf8))
        let selected = try JSONTreeParser.parse(Array(body.utf8), selecting: AdmissionReview.fieldsRead)
        #expect(full["request"]?["requestKind"] != nil && full["request"]?["options"] != nil)
        #expect(selected["request"]?.entries.map(\.key) == ["uid", "kind", "resource", "subResource", "name", "namespace",
                                                            "operation", "userInfo", "object", "oldObject", "dryRun"])
        #expect(selected["request"]?["userInfo"]?.entries.map(\.key) == ["username", "groups"])
        // Every field the request reads is the same as from the whole review: a field read by
        // `AdmissionRequest.init` but missing from the selection would come out empty here.
        let (_, request) = try AdmissionReview.decode(Array(body.utf8))
        let whole = try AdmissionRequest(#require(full["request"]))
        #expect(request.uid == whole.uid && request.group == whole.group && request.kind == whole.kind)
        #expect(request.resource == whole.resource && request.subResource == whole.subResource)
        #expect(request.namespace == whole.namespace && request.name == whole.name && request.operation == whole.operation)
        #expect(request.userInfo == whole.userInfo && request.dryRun == whole.dryRun)
        #expect(request.resource == "deployments" && request.subResource == "scale" && request.userInfo.groups.count == 2)
        #expect(same(try #require(whole.object), try #require(request.object)))
        #expect(same(try #require(whole.oldObject), try #require(request.oldObject)))
        // A malformed member the decision does not read still makes the body malformed.
        let broken = body.replacingOccurrences(of: #""kind":"UpdateOptions""#, with: #""kind" "UpdateOptions""#)
        #expect(broken != body)
        #expect(throws: AdmissionReviewError.self) { try AdmissionReview.decode(Array(broken.utf8)) }
    }

    @Test(arguments: [
        "", "{", "{\"a\":}", "{\"a\":1,}", "[1 2]", "{\"a\":1} x", "\"\u{01}\"", "01", "-", "1.", "tru",
        "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}", "{\"managedFields\":[}", "{\"managedFields\":}",
        String(repeating: "[", count: 300) + String(repeating: "]", count: 300),
    ])
    func refusesMalformedInput(_ text: String) {
        #expect(throws: AdmissionReviewError.self) { try JSONTreeParser.parse(Array(text.utf8)) }
    }

    @Test func neverCrashesOnInvalidUTF8() throws {
        let root = try JSONTreeParser.parse([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0xC3, 0x22, 0x7D])
        #expect(root["a"]?.string?.unicodeScalars.allSatisfy { $0 == "\u{FFFD}" } == true)
    }

    /// A quote, backslash or control character ends a string's plain run at any offset, next to
    /// multi-byte characters too.
    @Test func findsStringEndsEscapesAndControlsAtEveryOffset() throws {
        for offset in 0..<20 {
            let prefix = String(repeating: "é", count: offset % 3) + String(repeating: "a", count: offset)
            let escaped = try JSONTreeParser.parse(Array(#"{"k":"\#(prefix)\"q\\b"}"#.utf8))
            #expect(escaped["k"]?.string == prefix + "\"q\\b")
            let plain = try JSONTreeParser.parse(Array(#"{"k":"\#(prefix)","n":1}"#.utf8))
            #expect(plain["k"]?.string == prefix && plain["n"]?.int == 1)
            for control: UInt8 in [0x00, 0x0A, 0x1F] {
                let text = Array(#"{"k":"\#(prefix)"#.utf8) + [control] + Array(#"x"}"#.utf8)
                #expect(throws: AdmissionReviewError.self) { try JSONTreeParser.parse(text) }
            }
            #expect(throws: AdmissionReviewError.self) { try JSONTreeParser.parse(Array(#"{"k":"\#(prefix)"#.utf8)) }
        }
    }
}
