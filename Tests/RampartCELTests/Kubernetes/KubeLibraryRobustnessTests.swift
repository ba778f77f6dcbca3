import Foundation
import Testing
@testable import RampartCEL

/// Hostile inputs for every parser and operation: long strings, huge exponents, non-ASCII text and
/// random bytes must give a value or an error quickly, never a crash or a hang.
@Suite struct KubeLibraryRobustnessTests {
    private static let long = 10_000

    private static let hostileTexts: [String] = {
        var texts = [
            "", " ", "\u{0}", "é", "👑", "１２３", "0", "-", "+", ".", "e", "E5", "Ki", "%", "%%", "[", "]", "::", ":::", "/", "//",
            "1e2147483647", "1e-2147483648", "-1e2147483648", "9e9223372036854775807", "1.5e-2147483648", "0e400",
            "9999999999999999999999999999999999999Ei", "0.000000000000000000000000000001", "::ffff:0:0/96", "http://[",
            "http://[::1%25%zz]/", "v", "v.", "1.2.3-" + String(repeating: "a.", count: 100) + "a",
        ]
        for unit in ["1", "0", ".", ":", "%", "a", "1.", "1:", "e", "-", "/", "?", "&", "=", "#", "@", "[", "é", "👑"] {
            texts.append(String(repeating: unit, count: long))
        }
        texts.append("1e" + String(repeating: "9", count: long))
        texts.append("1." + String(repeating: "1", count: long) + "Ki")
        texts.append("http://example.com/?" + String(repeating: "a=%41&", count: long))
        texts.append("2021-01-01T00:00:00." + String(repeating: "1", count: long) + "Z")
        let alphabet = Array("0123456789.:+-eEKiMmnuGTPkx%/[]@?#&=abcdef v".utf8)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for length in [1, 2, 3, 5, 8, 13, 21, 34, 55, 89] {
            for _ in 0..<40 {
                var bytes: [UInt8] = []
                for _ in 0..<length {
                    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    bytes.append(alphabet[Int(state >> 40) % alphabet.count])
                }
                texts.append(String(decoding: bytes, as: UTF8.self))
            }
        }
        return texts
    }()

    @Test func everyParserAnswersQuickly() {
        let start = ContinuousClock.now
        var answered = 0
        for text in Self.hostileTexts {
            _ = try? KubeIP(text)
            _ = try? KubeIP.isCanonical(text)
            _ = try? KubeCIDR(text)
            if let quantity = try? KubeQuantity(text) {
                _ = quantity.description
                _ = quantity.approximateDouble
                _ = quantity.isInteger
                _ = try? quantity.adding(quantity)
                _ = try? quantity.subtracting(Int64.min)
                _ = quantity.hashValue
            }
            if let version = try? KubeSemver(text, normalize: true) { _ = version.description }
            if let url = try? KubeURL(text) {
                _ = (url.description, url.hostname, url.port, url.escapedPath, url.query)
            }
            for format in KubeNamedFormat.allCases { _ = format.validate(text) }
            answered += 1
        }
        #expect(answered == Self.hostileTexts.count)
        #expect(ContinuousClock.now - start < .seconds(20))
    }

    @Test func longValidInputsKeepTheirValue() throws {
        let digits = String(repeating: "7", count: Self.long)
        let quantity = try KubeQuantity(digits)
        #expect(quantity.description == digits)
        #expect(try quantity.adding(KubeQuantity("1")).description == String(repeating: "7", count: Self.long - 1) + "8")
        #expect(quantity.approximateDouble == .infinity)
        #expect(try KubeQuantity("0." + String(repeating: "0", count: Self.long) + "1").description == "1n")
        let label = String(repeating: "a", count: Self.long)
        #expect(KubeNamedFormat.dns1123Label.validate(label) == ["must be no more than 63 characters"])
        #expect(try KubeURL("/" + label).escapedPath.count == Self.long + 1)
    }

    /// Operations on quantities of wildly different scales stay exact or refuse, without writing
    /// out the digits in between.
    @Test func extremeScalesAreCheap() throws {
        let start = ContinuousClock.now
        let large = try KubeQuantity("1e2147483647")
        let small = try KubeQuantity("1e-2147483647")
        #expect(try large > small && small > KubeQuantity("0") && large != small)
        #expect(large.description == "10e2147483646", "Go's exponent, a multiple of 3")
        #expect(small.description == "1e-9", "rounded up to one nano unit")
        #expect(large.approximateDouble == .infinity)
        #expect(!large.isInteger)
        #expect(ContinuousClock.now - start < .seconds(2))
    }
}
