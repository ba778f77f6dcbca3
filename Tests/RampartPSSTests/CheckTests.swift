import RampartModel
import RampartPSS
import Testing
import TestSupport

/// The checks whose upstream fixtures are not in the visible set, to the upstream specification,
/// and the wording of reasons and details.
@Suite struct CheckTests {
    /// The violations of a pod whose `spec` is given as YAML (indented under `spec:`).
    static func evaluate(_ spec: String, annotations: String = "", level: PolicyLevel = .restricted,
                         version: PolicyVersion = .latest) -> [CheckViolation] {
        let yaml = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n\(annotations)spec:\n\(spec)"
        guard let pod = Fixtures.objects(yaml).first.flatMap(PodTemplate.init) else { return [] }
        return PodSecurity.evaluate(pod, level: level, version: version)
    }

    static func violation(_ check: String, in violations: [CheckViolation]) -> CheckViolation? {
        violations.first { $0.check == check }
    }

    @Test func runAsNonRootAtPodLevelCoversContainers() {
        let ok = Self.evaluate("""
              securityContext: {runAsNonRoot: true}
              containers: [{name: a, image: x}]
            """)
        #expect(Self.violation("runAsNonRoot", in: ok) == nil)
        let explicit = Self.evaluate("""
              securityContext: {runAsNonRoot: true}
              containers: [{name: a, image: x, securityContext: {runAsNonRoot: false}}]
            """)
        #expect(Self.violation("runAsNonRoot", in: explicit)?.detail == "container \"a\" must not set securityContext.runAsNonRoot=false")
        let implicit = Self.evaluate("""
              containers: [{name: a, image: x}, {name: b, image: x, securityContext: {runAsNonRoot: true}}]
            """)
        #expect(Self.violation("runAsNonRoot", in: implicit)?.detail == "pod or container \"a\" must set securityContext.runAsNonRoot=true")
        #expect(Self.violation("runAsNonRoot", in: implicit)?.reason == "runAsNonRoot != true")
    }

    @Test func userNamespacesRelaxRootChecksFromV1_35() {
        let spec = """
              hostUsers: false
              securityContext: {runAsUser: 0}
              containers: [{name: a, image: x}]
            """
        let v34 = Self.evaluate(spec, version: .v1(minor: 34)).map(\.check)
        #expect(v34.contains("runAsNonRoot") && v34.contains("runAsUser"))
        let v35 = Self.evaluate(spec, version: .v1(minor: 35)).map(\.check)
        #expect(!v35.contains("runAsNonRoot") && !v35.contains("runAsUser"))
    }

    @Test func runAsUserZeroIsForbiddenFromV1_23() {
        let spec = """
              securityContext: {runAsNonRoot: true, runAsUser: 0}
              containers: [{name: a, image: x, securityContext: {runAsUser: 0}}]
            """
        #expect(Self.violation("runAsUser", in: Self.evaluate(spec, version: .v1(minor: 22))) == nil)
        #expect(Self.violation("runAsUser", in: Self.evaluate(spec, version: .v1(minor: 23)))?.detail
                == "pod and container \"a\" must not set runAsUser=0")
    }

    @Test func windowsPodsAreExemptFromLinuxOnlyChecksFromV1_25() {
        let spec = """
              os: {name: windows}
              securityContext: {runAsNonRoot: true}
              containers: [{name: a, image: x}]
            """
        #expect(Self.evaluate(spec, version: .v1(minor: 25)).isEmpty)
        #expect(Set(Self.evaluate(spec, version: .v1(minor: 24)).map(\.check))
                == ["allowPrivilegeEscalation", "capabilities_restricted", "seccompProfile_restricted"])
    }

    @Test func allowPrivilegeEscalationStartsAtV1_8() {
        let spec = """
              securityContext: {runAsNonRoot: true}
              containers: [{name: a, image: x}]
            """
        #expect(Self.violation("allowPrivilegeEscalation", in: Self.evaluate(spec, version: .v1(minor: 7))) == nil)
        let violation = Self.violation("allowPrivilegeEscalation", in: Self.evaluate(spec, version: .v1(minor: 8)))
        #expect(violation?.reason == "allowPrivilegeEscalation != false")
        #expect(violation?.detail == "container \"a\" must set securityContext.allowPrivilegeEscalation=false")
    }

    @Test func capabilitiesRestrictedNamesBothProblems() {
        let violations = Self.evaluate("""
              containers:
              - name: a
                image: x
                securityContext: {capabilities: {add: [NET_BIND_SERVICE, SYS_TIME]}}
            """)
        #expect(Self.violation("capabilities_restricted", in: violations)?.detail == """
            container "a" must set securityContext.capabilities.drop=["ALL"]; \
            container "a" must not include "SYS_TIME" in securityContext.capabilities.add
            """)
        // capabilities_restricted replaces capabilities_baseline at restricted, as upstream's OverrideCheckIDs.
        #expect(Self.violation("capabilities_baseline", in: violations) == nil)
    }

    @Test func seccompRestrictedNeedsAProfile() {
        let unset = Self.evaluate("containers: [{name: a, image: x}]".indented)
        #expect(Self.violation("seccompProfile_restricted", in: unset)?.detail
                == "pod or container \"a\" must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\"")
        let unconfined = Self.evaluate("""
              securityContext: {seccompProfile: {type: Unconfined}}
              containers: [{name: a, image: x, securityContext: {seccompProfile: {type: Localhost}}}]
            """)
        #expect(Self.violation("seccompProfile_restricted", in: unconfined)?.detail
                == "pod must not set securityContext.seccompProfile.type to \"Unconfined\"")
    }

    @Test func hostPortsAndHostProcess() {
        let violations = Self.evaluate("""
              securityContext: {windowsOptions: {hostProcess: true}}
              containers:
              - name: a
                image: x
                ports: [{containerPort: 80, hostPort: 8080}, {containerPort: 443, hostPort: 8443}]
              - name: b
                image: x
                ports: [{containerPort: 80}]
            """, level: .baseline)
        #expect(Self.violation("hostPorts", in: violations)?.detail == "container \"a\" uses hostPorts 8080, 8443")
        #expect(Self.violation("windowsHostProcess", in: violations)?.detail
                == "pod must not set securityContext.windowsOptions.hostProcess=true")
    }

    @Test func restrictedVolumesAllowsImageAndDefaultedVolumes() {
        let violations = Self.evaluate("""
              volumes:
              - name: img
                image: {reference: registry.example/data:1}
              - name: defaulted
              - name: share
                nfs: {server: s, path: /}
              - name: disk
                gcePersistentDisk: {pdName: d}
              containers: [{name: a, image: x}]
            """)
        let volumes = Self.violation("restrictedVolumes", in: violations)
        #expect(volumes?.detail == "volumes \"share\", \"disk\" use restricted volume types \"gcePersistentDisk\", \"nfs\"")
        #expect(volumes?.fields.map(\.description) == ["spec.volumes[2].nfs", "spec.volumes[3].gcePersistentDisk"])
    }

    @Test func appArmorFieldsAndAnnotations() {
        let violations = Self.evaluate("""
              securityContext: {appArmorProfile: {type: Unconfined}}
              containers: [{name: a, image: x, securityContext: {appArmorProfile: {type: Localhost, localhostProfile: p}}}]
            """, annotations: "  annotations:\n    container.apparmor.security.beta.kubernetes.io/a: localhost/p\n", level: .baseline)
        #expect(violations.map(\.check) == ["appArmorProfile"])
        #expect(violations.first?.detail == "pod must not set AppArmor profile type to \"Unconfined\"")
    }

    @Test func seLinuxNamesTypesUsersAndRoles() {
        let violations = Self.evaluate("""
              securityContext: {seLinuxOptions: {type: spc_t, user: u}}
              containers: [{name: a, image: x, securityContext: {seLinuxOptions: {role: r}}}]
            """, level: .baseline)
        #expect(violations.first?.detail
                == "pod and container \"a\" set forbidden securityContext.seLinuxOptions: type \"spc_t\"; user may not be set; role may not be set")
        let engine = Self.evaluate("""
              securityContext: {seLinuxOptions: {type: container_engine_t}}
              containers: [{name: a, image: x}]
            """, level: .baseline, version: .v1(minor: 30))
        #expect(engine.map(\.check) == ["seLinuxOptions"])
    }

    @Test func privilegedIsNotAllowedAtRestrictedEither() {
        let violations = Self.evaluate("""
              containers: [{name: a, image: x, securityContext: {privileged: true}}]
            """, level: .privileged)
        #expect(violations.isEmpty)
        let restricted = Self.evaluate("containers: [{name: a, image: x, securityContext: {privileged: true}}]".indented)
        #expect(Self.violation("privileged", in: restricted)?.fields.map(\.description) == ["spec.containers[0].securityContext.privileged"])
    }
}

extension String {
    /// This line indented under `spec:`.
    var indented: String { "  " + self }
}
