import RampartModel
import RampartPSS
import Testing
import TestSupport

/// At restricted, upstream's restricted checks replace their weaker baseline forms
/// (`OverrideCheckIDs`): the admission reports `capabilities_restricted`, not also
/// `capabilities_baseline`; `restrictedVolumes`, not also `hostPathVolumes`; and so on.
@Suite struct ReplacedChecksTests {
    static let pod = Fixtures.objects("""
        apiVersion: v1
        kind: Pod
        metadata: {name: p, namespace: n}
        spec:
          securityContext: {runAsNonRoot: true, seccompProfile: {type: Unconfined}}
          volumes: [{name: host, hostPath: {path: /var/run}}]
          containers:
          - name: app
            image: x
            securityContext:
              allowPrivilegeEscalation: false
              procMount: Unmasked
              capabilities: {add: [SYS_ADMIN], drop: [ALL]}
        """)[0]

    static func checks(_ level: PolicyLevel, _ version: PolicyVersion) -> [String] {
        PodSecurity.evaluate(metadata: pod.root["metadata"], spec: pod.root["spec"]!, level: level, version: version)
            .map(\.check).sorted()
    }

    @Test func restrictedReportsOnlyTheStricterForm() {
        #expect(Self.checks(.restricted, .latest)
                == ["capabilities_restricted", "procMount_restricted", "restrictedVolumes", "seccompProfile_restricted"])
    }

    @Test func baselineStillReportsItsOwnChecks() {
        #expect(Self.checks(.baseline, .latest)
                == ["capabilities_baseline", "hostPathVolumes", "procMount", "seccompProfile_baseline"])
    }

    @Test("a baseline check is replaced only from the version its replacement exists")
    func replacementFollowsTheVersion() {
        // capabilities_restricted exists from v1.22, seccompProfile_restricted from v1.19,
        // procMount_restricted from v1.35.
        #expect(Self.checks(.restricted, .v1(minor: 21))
                == ["capabilities_baseline", "procMount", "restrictedVolumes", "seccompProfile_restricted"])
        #expect(Self.checks(.restricted, .v1(minor: 34))
                == ["capabilities_restricted", "procMount", "restrictedVolumes", "seccompProfile_restricted"])
    }

    @Test("one evaluation of several modes keeps each mode's own checks")
    func modesOfOneVersion() {
        let modes = [LevelVersion(level: .restricted, version: .latest), LevelVersion(level: .baseline, version: .latest)]
        let results = PodSecurity.evaluate(metadata: Self.pod.root["metadata"], spec: Self.pod.root["spec"]!, modes: modes)
        #expect(results[0].map(\.check).sorted() == Self.checks(.restricted, .latest))
        #expect(results[1].map(\.check).sorted() == Self.checks(.baseline, .latest))
    }
}
