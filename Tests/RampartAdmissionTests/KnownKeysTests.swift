@testable import RampartAdmission
import Testing

@Suite("Known keys of AdmissionReviews")
struct KnownKeysTests {
    func lookUp(_ text: String) -> String? {
        Array(text.utf8).withUnsafeBufferPointer { KnownKeys.shared.string(for: $0) }
    }

    @Test func everyKnownKeyIsFoundAsItself() {
        for key in KnownKeys.keys { #expect(lookUp(key) == key) }
    }

    /// Shorter and longer than the eight bytes compared as one word, sharing a known key's start or
    /// length, or differing from one only after the eighth byte.
    @Test(arguments: ["", "x", "nam", "names", "Name", "containerz", "containersX", "automountServiceAccountTokem",
                      "app.kubernetes.io/name", "securityContexts", "imagePullPolic", "é"])
    func otherTextIsNotAKnownKey(_ text: String) {
        #expect(lookUp(text) == nil)
    }

    /// Keys parsed through the table read the same as keys that are not in it, escapes included.
    @Test func parsedKeysAreTheirText() throws {
        let root = try JSONTreeParser.parse(Array(#"{"image":1,"imag\u0065":2,"team":3,"automountServiceAccountToken":4}"#.utf8))
        #expect(root.entries.map(\.key) == ["image", "image", "team", "automountServiceAccountToken"])
    }
}
