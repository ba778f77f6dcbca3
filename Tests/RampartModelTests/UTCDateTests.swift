import RampartModel
import Testing

/// The dates exception expiry compares against: UTC, zero-padded, at the edges of days and years.
@Suite struct UTCDateTests {
    @Test(arguments: [
        (0, "1970-01-01"),
        (951_868_799, "2000-02-29"),
        (951_868_800, "2000-03-01"),
        (1_798_761_599, "2026-12-31"),
        (1_798_761_600, "2027-01-01"),
        (-86_400, "1969-12-31"),
    ])
    func dayOfAMoment(seconds: Int, day: String) {
        #expect(UTCDate.day(secondsSinceEpoch: seconds) == day)
    }

    @Test func todayIsADateOfThisCentury() {
        let today = UTCDate.today
        #expect(today.count == 10 && today.hasPrefix("20") && today.split(separator: "-").map(\.count) == [4, 2, 2])
    }
}
