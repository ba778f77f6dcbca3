import Testing
@testable import RampartCEL

/// Quantity parsing, printing and arithmetic against the expectations of apimachinery's
/// `resource/quantity_test.go` tables (transcribed data) and Kubernetes' edge cases.
@Suite struct KubeQuantityTests {
    /// Input and the string Kubernetes prints for it (`TestQuantityParseEmit`, `TestQuantityString`'s
    /// alternates, and the rounding rows of `TestQuantityParse`).
    @Test(arguments: [
        ("1Ki", "1Ki"), ("1Mi", "1Mi"), ("1Gi", "1Gi"), ("1024Mi", "1Gi"), ("1000M", "1G"),
        (".001Ki", "1024m"), (".000001Ki", "1024u"), (".000000001Ki", "1024n"), (".000000000001Ki", "2n"),
        ("307200Ki", "300Mi"), ("1025024Mi", "1001Gi"), ("1024Gi", "1Ti"), ("5000m", "5"), ("0.5", "500m"),
        ("0.001T", "1G"), ("1000u", "1m"), ("1.08", "1080m"), ("1080000000n", "1080m"),
        (".001e12", "1e9"), ("0.001e0", "1e-3"), ("1000e-12", "1e-9"), ("00", "0"),
        ("3.001n", "4n"), ("1.1E-9", "2e-9"), ("0.0000000005", "1n"), ("0.00000012345", "124n"),
        ("9Ei", "9223372036854775807"), ("9223372036854775807Ki", "9223372036854775807"), ("12E", "12E"),
        ("100.035Ki", "102435840m"), ("0.5Mi", "512Ki"), ("1.5Gi", "1536Mi"), ("0.5e-2", "5e-3"), ("1000E", "1"),
    ])
    func canonicalText(_ input: String, _ expected: String) throws {
        #expect(try KubeQuantity(input).description == expected)
        if expected != "0" {
            #expect(try KubeQuantity("-" + input).description == "-" + expected)
        }
    }

    /// Kubernetes keeps a parsed text it considers canonical and prints it back, sign included.
    @Test func keepsTheCanonicalTextAsWritten() throws {
        #expect(try KubeQuantity("+5").description == "+5")
        #expect(try KubeQuantity("1Ki").description == "1Ki")
        #expect(try KubeQuantity("0").description == "0")
        #expect(try KubeQuantity("-0").description == "0")
        #expect(try KubeQuantity("+5").adding(0).description == "5")
        #expect(try KubeQuantity("1.").description == "1.")
        #expect(try KubeQuantity("05").description == "05")
    }

    /// `TestQuantityParse`'s invalid inputs, and the three error texts.
    @Test(arguments: ["1.1.M", "1+1.0M", "0.1mi", "0.1am", "aoeu", ".5i", "1i", "-3.01i", "-3.01e-", " 1", "1 ", "", "１", "1\u{0}"])
    func rejects(_ input: String) {
        #expect(!KubeQuantity.isValid(input))
    }

    @Test func errorTexts() {
        #expect(throws: KubeLibraryError("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'")) {
            try KubeQuantity("1 ")
        }
        #expect(throws: KubeLibraryError("unable to parse quantity's suffix")) { try KubeQuantity("10Mm") }
        #expect(throws: KubeLibraryError("unable to parse quantity's suffix")) { try KubeQuantity("1e99999999999999999999") }
        #expect(throws: KubeLibraryError("unable to parse numeric part of quantity")) { try KubeQuantity(".e-20") }
    }

    /// Inputs Go's scanner accepts although they hold no digit.
    @Test func signsAndPointsAloneAreZero() throws {
        for input in ["-", "+", ".", "-.", ".Ki"] {
            #expect(try KubeQuantity(input).sign == 0, "\(input)")
        }
    }

    @Test func equalityIsByValue() throws {
        #expect(try KubeQuantity("2M") == KubeQuantity("0.002G"))
        #expect(try KubeQuantity("1Ki") == KubeQuantity("1024"))
        #expect(try KubeQuantity("1000m") == KubeQuantity("1"))
        #expect(try KubeQuantity("0.5Mi") == KubeQuantity("524288"))
        #expect(try KubeQuantity("1k").hashValue == KubeQuantity("1000").hashValue)
        #expect(try KubeQuantity("0.5Mi").hashValue == KubeQuantity("512Ki").hashValue)
        #expect(try KubeQuantity("200M") != KubeQuantity("0.3G"))
    }

    /// `TestQuantityCmp` and cross-representation comparisons.
    @Test func comparison() throws {
        #expect(try KubeQuantity("100m").compare(to: KubeQuantity("50m")) == 1)
        #expect(try KubeQuantity("50m").compare(to: KubeQuantity("100m")) == -1)
        #expect(try KubeQuantity("10000T").compare(to: KubeQuantity("100Gi")) == 1)
        #expect(try KubeQuantity("0").compare(to: KubeQuantity("0")) == 0)
        for (left, right, order) in [("-1", "-999m", Int64(-1)), ("1500m", "1.5", 0), ("-1500m", "-2", 1), ("1", "999999999n", 1), ("1", "999999999999999999n", -1),
                                     ("-999999999n", "-1", 1), ("1e17", "100000000000000001", -1), ("2", "2000000000n", 0)] {
            #expect(try KubeQuantity(left).compare(to: KubeQuantity(right)) == order, "\(left) vs \(right)")
            #expect(try KubeQuantity(right).compare(to: KubeQuantity(left)) == -order, "\(right) vs \(left)")
        }
        #expect(try KubeQuantity("99999999999999999999999").compare(to: KubeQuantity("1e22")) == 1)
        #expect(try KubeQuantity("-1e2147483647").compare(to: KubeQuantity("1n")) == -1)
        #expect(try KubeQuantity("1e2147483647") > KubeQuantity("9999999999999999999999999999"))
        #expect(try KubeQuantity("1e-2147483647") == KubeQuantity("1n"), "rounded up to one nano unit")
    }

    /// Ordering, equality and hashing agree across both representations and all suffixes.
    @Test func orderIsConsistent() throws {
        let mantissas = ["0", "1", "-1", "7", "1.5", "-0.25", "1024", "999999999999999999", "0.000000000001", "123456789012345678901"]
        let suffixes = ["", "n", "u", "m", "k", "M", "G", "E", "Ki", "Mi", "Ei", "e3", "e-3", "e-12", "e20"]
        let quantities = try mantissas.flatMap { mantissa in try suffixes.map { try KubeQuantity(mantissa + $0) } }
        for a in quantities {
            for b in quantities {
                let order = a.compare(to: b)
                #expect(order == -b.compare(to: a), "\(a) vs \(b)")
                #expect((order == 0) == (a == b))
                if order == 0 { #expect(a.hashValue == b.hashValue, "\(a) == \(b)") }
                let (x, y) = (a.approximateDouble, b.approximateDouble)
                if x < y * (1 - 1e-9) && x < y - 1e-300 { #expect(order == -1, "\(a) < \(b)") }
            }
        }
    }

    /// `isInteger` and `asInteger` follow the representation, as in Kubernetes.
    @Test func integers() throws {
        #expect(try KubeQuantity("50k").asInteger() == 50_000)
        #expect(try KubeQuantity("1Ki").asInteger() == 1024)
        #expect(try KubeQuantity("1000m").isInteger == false)
        #expect(try KubeQuantity("0.5Mi").isInteger == false, "fractional binary values take the decimal form")
        #expect(try KubeQuantity("9223372036854775807").isInteger == false, "19 digits take the decimal form")
        #expect(try KubeQuantity("9Ei").isInteger == false)
        #expect(throws: KubeLibraryError("cannot convert value to integer")) { try KubeQuantity("1e19").asInteger() }
        let largest = try KubeQuantity("9223372036854775k").adding(807)
        #expect(try largest.asInteger() == .max)
        let overflowed = try largest.adding(1)
        #expect(overflowed.isInteger == false)
        #expect(try overflowed == KubeQuantity("9223372036854775808"))
        #expect(try overflowed.subtracting(1).isInteger == false, "once decimal, stays decimal")
    }

    /// `TestAdd`, `TestSub` and the zero-preserves-suffix tests.
    @Test func arithmetic() throws {
        #expect(try KubeQuantity("10").adding(KubeQuantity("10")) == KubeQuantity("20"))
        #expect(try KubeQuantity("100m").adding(KubeQuantity("0")).description == "100m")
        #expect(try KubeQuantity("0").adding(KubeQuantity("1Gi")).description == "1Gi")
        #expect(try KubeQuantity("1Gi").subtracting(KubeQuantity("0")).description == "1Gi")
        #expect(try KubeQuantity("0").subtracting(KubeQuantity("1Gi")).description == "-1Gi")
        #expect(try KubeQuantity("10Ki").subtracting(KubeQuantity("1")).description == "10239")
        #expect(try KubeQuantity("50k").adding(20).subtracting(KubeQuantity("100k")).subtracting(-50_000).asInteger() == 20)
        #expect(try KubeQuantity("0").adding(5).description == "5", "a zero takes the integer's DecimalExponent format")
        #expect(try KubeQuantity("1.5").adding(KubeQuantity("1e-20")) > KubeQuantity("1.5"))
    }

    /// Go negates `Int64.min` to itself in `Sub`; Kubernetes' result is reproduced.
    @Test func subtractingTheSmallestIntegerWrapsAsInGo() throws {
        #expect(try KubeQuantity("1").subtracting(Int64.min) == KubeQuantity("-9223372036854775807"))
    }

    /// `TestQuantityAsApproximateFloat64` and `TestStringQuantityAsApproximateFloat64`.
    @Test func approximateDouble() throws {
        #expect(try KubeQuantity("2Ki").approximateDouble == 2048)
        #expect(try KubeQuantity("1.1Ki").approximateDouble == 1126.4)
        #expect(try KubeQuantity("2Gi").approximateDouble == 2.147483648e9)
        #expect(try KubeQuantity("50.703k").approximateDouble == 50703)
        #expect(try KubeQuantity("12E").approximateDouble == 1.2e19)
        #expect(try KubeQuantity("7340032e-1").approximateDouble == 7340032 * 0.1)
        #expect(try KubeQuantity("12e500").approximateDouble == .infinity)
        #expect(try KubeQuantity("-12e500").approximateDouble == -.infinity)
        #expect(try KubeQuantity("9Ei").approximateDouble == 9.223372036854775807e18)
    }

    @Test func sign() throws {
        #expect(try KubeQuantity("-1m").sign == -1)
        #expect(try KubeQuantity("0Ki").sign == 0)
        #expect(try KubeQuantity("1e-30").sign == 1)
    }

    /// Results that would need more digits than the limit are an error, where Go would try to write
    /// out 10^2147483647.
    @Test func hugeDecimalResultsAreRefused() throws {
        let huge = try KubeQuantity("1e2147483000")
        let tiny = try KubeQuantity("123456789012345678901234567890")
        #expect(throws: KubeQuantityParser.tooLargeError) { try tiny.adding(huge) }
        #expect(throws: KubeQuantityParser.tooLargeError) { try KubeQuantity("1234567890123456789012e2147483647") }
    }
}
