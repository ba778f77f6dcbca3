@testable import RampartPSS
import Testing

/// The registry is valid the way upstream's `validateChecks` requires.
@Suite struct RegistryTests {
    @Test func idsAreUniqueAndRevisionsIncrease() {
        let ids = CheckRegistry.checks.map(\.id)
        #expect(Set(ids).count == ids.count)
        for check in CheckRegistry.checks {
            #expect(check.level != .privileged, "\(check.id)")
            let minors = check.revisions.map(\.minimumMinor)
            #expect(!minors.isEmpty && zip(minors, minors.dropFirst()).allSatisfy { $0 < $1 }, "\(check.id)")
        }
    }

    @Test func restrictedRunsEveryBaselineCheckToo() {
        let baseline = Set(CheckRegistry.entries(level: .baseline, version: .latest).map(\.id))
        let restricted = Set(CheckRegistry.entries(level: .restricted, version: .latest).map(\.id))
        #expect(baseline.isSubset(of: restricted))
        #expect(restricted.count == CheckRegistry.checks.count)
        #expect(CheckRegistry.entries(level: .privileged, version: .latest).isEmpty)
        #expect(PodSecurity.newestVersion == .v1(minor: 37))
    }
}
