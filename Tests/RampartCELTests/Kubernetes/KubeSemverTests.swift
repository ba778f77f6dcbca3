import Testing
@testable import RampartCEL

/// `semver()` with blang/semver v4's rules (its test tables, transcribed) and Kubernetes' normalization.
@Suite struct KubeSemverTests {
    @Test(arguments: [
        "1.2.3", "0.0.1", "0.0.1-alpha.preview+123.456", "1.2.3-alpha.1+123.456", "1.2.3-alpha.1", "1.2.3+123.456",
        "1.2.3-alpha.b-eta+123.b-uild", "1.2.3+123.b-uild", "1.2.3-alpha.b-eta", "18446744073709551615.0.0",
    ])
    func parsesAndPrints(_ text: String) throws {
        #expect(try KubeSemver(text).description == text)
    }

    @Test(arguments: [
        "", ".", "1.", ".1", "a.b.c", "1.a.b", "1.1.a", "1.a.1", "a.1.1", "..", "1..", "1.1.", "1..1", "1.1.+123",
        "1.1.-beta", "-1.1.1", "1.-1.1", "1.1.-1", "20000000000000000000.1.1", "1.20000000000000000000.1",
        "1.1.20000000000000000000", "1.1.1-20000000000000000000", "01.1.1", "001.1.1", "1.01.1", "1.001.1", "1.1.01",
        "1.1.001", "1.1.1-01", "1.1.1-001", "1.1.1-beta.01", "1.1.1-beta.001", "0.0.0-!", "0.0.0+!", "0.0.0-.alpha",
        "0.0.0-alpha+", "v1.0.0", "1.0.0 ", "１.0.0",
    ])
    func rejects(_ text: String) {
        #expect(!KubeSemver.isValid(text))
    }

    @Test func errorTexts() {
        #expect(throws: KubeLibraryError("Version string empty")) { try KubeSemver("") }
        #expect(throws: KubeLibraryError("No Major.Minor.Patch elements found")) { try KubeSemver("v1.0") }
        #expect(throws: KubeLibraryError("Invalid character(s) found in major number \"v1\"")) { try KubeSemver("v1.0.0") }
        #expect(throws: KubeLibraryError("Invalid character(s) found in minor number \" 0\"")) { try KubeSemver("1. 0.0") }
        #expect(throws: KubeLibraryError("Major number must not contain leading zeroes \"01\"")) { try KubeSemver("01.1.1") }
        #expect(throws: KubeLibraryError("Patch number must not contain leading zeroes \"01\"")) { try KubeSemver("1.1.01") }
        #expect(throws: KubeLibraryError("strconv.ParseUint: parsing \"\": invalid syntax")) { try KubeSemver("1..1") }
        #expect(throws: KubeLibraryError("strconv.ParseUint: parsing \"20000000000000000000\": value out of range")) {
            try KubeSemver("20000000000000000000.1.1")
        }
        #expect(throws: KubeLibraryError("Numeric PreRelease version must not contain leading zeroes \"01\"")) { try KubeSemver("1.1.1-01") }
        #expect(throws: KubeLibraryError("Invalid character(s) found in prerelease \"!\"")) { try KubeSemver("0.0.0-!") }
        #expect(throws: KubeLibraryError("Prerelease is empty")) { try KubeSemver("0.0.0-.alpha") }
        #expect(throws: KubeLibraryError("Build meta data is empty")) { try KubeSemver("0.0.0-alpha+") }
        #expect(throws: KubeLibraryError("Invalid character(s) found in build meta data \"!\"")) { try KubeSemver("0.0.0+!") }
        #expect(throws: KubeLibraryError("short version cannot contain PreRelease/Build meta data")) { try KubeSemver("1.0-rc", normalize: true) }
    }

    /// Kubernetes' normalization: one leading `v`, leading zeros, missing minor and patch; no trimming.
    @Test(arguments: [
        ("v1.2.3", "1.2.3"), ("1.2.00", "1.2.0"), ("01.02.03", "1.2.3"), ("00.0.03", "0.0.3"), ("000.0.03", "0.0.3"),
        ("1.2", "1.2.0"), ("1", "1.0.0"), ("v01.01", "1.1.0"), ("1.2.0-alpha", "1.2.0-alpha"), ("1.2.03-alpha", "1.2.3-alpha"),
        ("1.2.0-alpha", "1.2.0-alpha"), ("1.2.00-beta", "1.2.0-beta"),
    ])
    func normalizes(_ text: String, _ expected: String) throws {
        #expect(try KubeSemver(text, normalize: true).description == expected)
    }

    @Test(arguments: ["", " 1.0.0", "1.0.0 ", "1. 0.0", "vv1.0.0", "1.0+abc", "1.0-rc.1"])
    func normalizationStillRejects(_ text: String) {
        #expect(!KubeSemver.isValid(text, normalize: true))
    }

    /// Semver 2.0.0 precedence (the spec's example chain) and build metadata ignored.
    @Test func precedence() throws {
        let chain = try ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11",
                     "1.0.0-rc.1", "1.0.0", "2.0.0", "2.1.0", "2.1.1"].map { text in try KubeSemver(text) }
        for (lower, higher) in zip(chain, chain.dropFirst()) {
            #expect(lower < higher && lower.compare(to: higher) == -1 && higher.compare(to: lower) == 1, "\(lower) < \(higher)")
        }
        #expect(try KubeSemver("1.0.0+a") == KubeSemver("1.0.0+b"))
        #expect(try KubeSemver("1.0.0+a").hashValue == KubeSemver("1.0.0").hashValue)
        #expect(try KubeSemver("1.0.0-B") < KubeSemver("1.0.0-a"), "alphanumeric parts compare by bytes")
    }

    @Test func numbersAsCELIntegers() throws {
        let version = try KubeSemver("18446744073709551615.2.3")
        #expect(version.major == -1, "Kubernetes converts the uint64 to int64")
        #expect(version.minor == 2 && version.patch == 3)
    }
}
