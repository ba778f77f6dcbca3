import RampartModel
import RampartPSS
import Testing
import TestSupport

/// A few upstream fixtures (pod-security-admission `test/testdata`, Apache-2.0), copied so the
/// suite means something without `../shared`.
@Suite struct UpstreamFixtureTests {
    static let restrictedBase = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: base
        spec:
          containers:
          - image: registry.k8s.io/pause
            name: container1
            securityContext:
              allowPrivilegeEscalation: false
              capabilities:
                drop:
                - ALL
          initContainers:
          - image: registry.k8s.io/pause
            name: initcontainer1
            securityContext:
              allowPrivilegeEscalation: false
              capabilities:
                drop:
                - ALL
          securityContext:
            runAsNonRoot: true
            seccompProfile:
              type: RuntimeDefault
        """

    /// restricted/v1.35/fail/procmount_restricted1.yaml: Unmasked /proc in a user namespace.
    static let procMountInUserNamespace = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: procmount_restricted1
        spec:
          containers:
          - image: registry.k8s.io/pause
            name: container1
            securityContext:
              allowPrivilegeEscalation: false
              capabilities:
                drop:
                - ALL
          hostUsers: false
          initContainers:
          - image: registry.k8s.io/pause
            name: initcontainer1
            securityContext:
              allowPrivilegeEscalation: false
              capabilities:
                drop:
                - ALL
              procMount: Unmasked
          securityContext:
            runAsNonRoot: true
            seccompProfile:
              type: RuntimeDefault
        """

    /// baseline/v1.0/fail/seccompprofile_baseline0.yaml: the alpha annotation.
    static let seccompAnnotation = """
        apiVersion: v1
        kind: Pod
        metadata:
          annotations:
            seccomp.security.alpha.kubernetes.io/pod: unconfined
          name: seccompprofile_baseline0
        spec:
          containers:
          - image: registry.k8s.io/pause
            name: container1
          initContainers:
          - image: registry.k8s.io/pause
            name: initcontainer1
        """

    /// baseline/v1.37/pass/sysctls1.yaml (sysctls allowed from v1.37).
    static let sysctls1_37 = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: sysctls1
        spec:
          containers:
          - image: registry.k8s.io/pause
            name: container1
          securityContext:
            sysctls:
            - name: net.ipv4.tcp_slow_start_after_idle
              value: "0"
            - name: net.ipv4.tcp_notsent_lowat
              value: "16384"
        """

    static func checks(_ yaml: String, _ level: PolicyLevel, _ version: PolicyVersion) -> [String] {
        Fixtures.objects(yaml).compactMap(PodTemplate.init).flatMap {
            PodSecurity.evaluate($0, level: level, version: version).map(\.check)
        }
    }

    @Test func restrictedBaseIsAllowedAtEveryVersion() {
        for minor in 0...40 {
            #expect(Self.checks(Self.restrictedBase, .restricted, .v1(minor: minor)).isEmpty)
        }
        #expect(Self.checks(Self.restrictedBase, .restricted, .latest).isEmpty)
    }

    @Test func procMountInUserNamespace() {
        #expect(Self.checks(Self.procMountInUserNamespace, .restricted, .v1(minor: 35)) == ["procMount_restricted"])
        #expect(Self.checks(Self.procMountInUserNamespace, .baseline, .v1(minor: 35)).isEmpty)
        #expect(Self.checks(Self.procMountInUserNamespace, .baseline, .v1(minor: 34)) == ["procMount"])
    }

    @Test func seccompAnnotationsCountUntilV1_19() {
        #expect(Self.checks(Self.seccompAnnotation, .baseline, .v1(minor: 0)) == ["seccompProfile_baseline"])
        #expect(Self.checks(Self.seccompAnnotation, .baseline, .v1(minor: 18)) == ["seccompProfile_baseline"])
        #expect(Self.checks(Self.seccompAnnotation, .baseline, .v1(minor: 19)).isEmpty)
    }

    @Test func sysctlsGrowWithTheVersion() {
        #expect(Self.checks(Self.sysctls1_37, .baseline, .v1(minor: 36)) == ["sysctls"])
        #expect(Self.checks(Self.sysctls1_37, .baseline, .v1(minor: 37)).isEmpty)
        #expect(Self.checks(Self.sysctls1_37, .baseline, .latest).isEmpty)
    }
}
