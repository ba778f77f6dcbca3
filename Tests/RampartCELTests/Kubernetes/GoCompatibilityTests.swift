import Testing
@testable import RampartCEL

/// The small pieces of Go behaviour the error texts and values rely on: `strconv.Quote` and
/// `math.Pow10`.
@Suite struct GoCompatibilityTests {
    @Test func quoteEscapesAsGoDoes() {
        #expect(GoQuote.quote("plain text") == "\"plain text\"")
        #expect(GoQuote.quote("\"\\") == "\"\\\"\\\\\"")
        #expect(GoQuote.quote("\u{07}\u{08}\u{0C}\n\r\t\u{0B}") == "\"\\a\\b\\f\\n\\r\\t\\v\"")
        #expect(GoQuote.quote("\u{0}\u{1B}\u{7F}") == "\"\\x00\\x1b\\x7f\"")
        #expect(GoQuote.quote("é👑\u{00A0}\u{200B}") == "\"é👑\\u00a0\\u200b\"", "letters and symbols stay, other spaces and format characters do not")
        #expect(GoQuote.quote("\u{E0001}") == "\"\\U000e0001\"")
        #expect(GoQuote.quote(bytes: [0xFF, 0x41, 0xC3, 0xA9, 0xC3]) == "\"\\xffAé\\xc3\"")
    }

    @Test func pow10MatchesGoTables() {
        #expect(GoPow10.power(0) == 1)
        #expect(GoPow10.power(23) == 1e23)
        #expect(GoPow10.power(308) == 1e308)
        #expect(GoPow10.power(309) == .infinity)
        #expect(GoPow10.power(-1) == 0.1)
        #expect(GoPow10.power(-323) > 0)
        #expect(GoPow10.power(-324) == 0)
    }
}
