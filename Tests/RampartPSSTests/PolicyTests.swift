import RampartPSS
import Testing

/// Levels, versions and namespace labels, parsed as upstream's `api` package parses them.
@Suite struct PolicyTests {
    @Test func versions() {
        #expect(PolicyVersion(parsing: "latest") == .latest)
        #expect(PolicyVersion(parsing: "v1.0") == .v1(minor: 0))
        #expect(PolicyVersion(parsing: "v1.37") == .v1(minor: 37))
        for invalid in ["", "v1", "v1.", "v1.05", "v2.0", "1.25", "v1.25.0", "Latest", "v1.x", "v1.-1"] {
            #expect(PolicyVersion(parsing: invalid) == nil, "\(invalid)")
        }
        #expect(PolicyVersion.v1(minor: 99) < .latest)
        #expect(PolicyVersion.v1(minor: 9) < .v1(minor: 10))
        #expect(PolicyVersion.v1(minor: 24).description == "v1.24")
    }

    @Test func levels() {
        #expect(PolicyLevel(parsing: "baseline") == .baseline)
        #expect(PolicyLevel(parsing: "Baseline") == nil)
        #expect(PolicyLevel.privileged < .baseline && PolicyLevel.baseline < .restricted)
    }

    @Test func labelsResolveAsTheAdmissionDoes() {
        let policy = NamespacePolicy(labels: [
            "pod-security.kubernetes.io/enforce": "baseline",
            "pod-security.kubernetes.io/enforce-version": "v1.29",
            "pod-security.kubernetes.io/warn": "restricted",
        ])
        #expect(policy.enforce == LevelVersion(level: .baseline, version: .v1(minor: 29)))
        #expect(policy.warn == LevelVersion(level: .restricted, version: .latest))
        #expect(policy.audit == NamespacePolicy.defaultMode)
        #expect(policy.errors.isEmpty)
        #expect(NamespacePolicy(labels: [:]).enforce.level == .privileged)
    }

    @Test func invalidLabels() {
        let policy = NamespacePolicy(labels: [
            "pod-security.kubernetes.io/enforce": "strict",
            "pod-security.kubernetes.io/enforce-version": "1.29",
            "pod-security.kubernetes.io/warn": "",
        ])
        #expect(policy.enforce == LevelVersion(level: .restricted, version: .latest))
        #expect(policy.warn.level == .privileged)
        #expect(policy.errors == [
            "metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: \"strict\": must be one of privileged, baseline, restricted",
            "metadata.labels[pod-security.kubernetes.io/enforce-version]: Invalid value: \"1.29\": must be \"latest\" or \"v1.x\"",
            "metadata.labels[pod-security.kubernetes.io/warn]: Invalid value: \"\": must be one of privileged, baseline, restricted",
        ])
    }
}
