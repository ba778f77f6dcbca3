#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Calendar dates in UTC as policy exceptions write them (`YYYY-MM-DD`), without a date formatter
/// (creating one loads the ICU locale data: milliseconds at the start of every run).
public enum UTCDate {
    /// The date, in UTC, of the moment `seconds` after the Unix epoch, as `YYYY-MM-DD`.
    public static func day(secondsSinceEpoch seconds: Int) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        return pad(parts.tm_year + 1900, 4) + "-" + pad(parts.tm_mon + 1, 2) + "-" + pad(parts.tm_mday, 2)
    }

    /// Today's date in UTC, as `YYYY-MM-DD`.
    public static var today: String { day(secondsSinceEpoch: Int(time(nil))) }

    private static func pad(_ value: Int32, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
