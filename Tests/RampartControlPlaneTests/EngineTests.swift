import RampartControlPlane
import RampartModel
import Testing
import TestSupport

/// The components recognised in a manifest given as text.
private func components(_ yaml: String) -> [ControlPlaneComponent] {
    ControlPlane(Fixtures.inventory(yaml)).components
}

@Suite struct FlagParsingTests {
    static let pod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: kube-apiserver, namespace: kube-system}
        spec:
          containers:
          - name: apiserver
            image: registry.k8s.io/kube-apiserver:v1.33.2@sha256:0123
            command: [/usr/local/bin/kube-apiserver, --profiling, --audit-log-path, /var/log/audit.log]
            args:
            - --enable-admission-plugins=NodeRestriction
            - --enable-admission-plugins=PodSecurity,AlwaysPullImages
            - --feature-gates=A=true,B=false
            - --feature-gates=A=false
            - --anonymous-auth=false
            - --anonymous-auth=true
        """

    @Test func readsEveryFormAndKeepsEachFlagsItem() throws {
        let component = try #require(components(Self.pod).first)
        #expect(component.kind == .apiServer)
        #expect(component.version == KubernetesVersion(major: 1, minor: 33, patch: 2))
        let flags = component.flags
        #expect(flags.bool("profiling") == true)
        #expect(flags.last("audit-log-path")?.value == "/var/log/audit.log")
        #expect(flags.path(of: "audit-log-path").description == "spec.containers[0].command[2]")
        #expect(flags.list("enable-admission-plugins").map(\.item) == ["NodeRestriction", "PodSecurity", "AlwaysPullImages"])
        #expect(flags.flag("enable-admission-plugins", listing: "AlwaysPullImages")?.path.description == "spec.containers[0].args[1]")
        #expect(flags.featureGates.mapValues(\.enabled) == ["A": false, "B": false])
        #expect(flags.bool("anonymous-auth") == true, "the last occurrence of a scalar flag wins")
        #expect(flags.path(of: "missing").description == "spec.containers[0].command")
    }

    @Test func recognisesByContentNotName() {
        let yaml = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: something, namespace: tenant-cp}
            spec:
              template:
                spec:
                  containers:
                  - name: a
                    image: registry.k8s.io/kube-scheduler:v1.34.0
                    args: [--profiling=false]
                  - name: b
                    image: quay.io/coreos/etcd:v3.5.9
                    command: ["/bin/sh", "-c", "exec etcd --client-cert-auth=true --data-dir /var/lib/etcd"]
                    env:
                    - {name: ETCD_AUTO_TLS, value: "true"}
                    - {name: ETCD_CLIENT_CERT_AUTH, value: "false"}
                  - name: c
                    image: nginx:1.27
                    command: [nginx]
                  - name: d
                    image: busybox:1.36
                    command: [sh, -c, "exec kube-controller-manager --profiling=false"]
            """
        let found = components(yaml)
        // d's image names nothing: its command alone makes it the controller manager.
        #expect(found.map(\.kind) == [.scheduler, .etcd, .controllerManager])
        #expect(found[0].flags.bool("profiling") == false)
        #expect(found[1].version == nil, "etcd's tag is not a Kubernetes version")
        #expect(found[1].flags.bool("client-cert-auth") == true, "the command line wins over the environment")
        #expect(found[1].flags.bool("auto-tls") == true)
        #expect(found[1].flags.last("data-dir")?.value == "/var/lib/etcd")
    }

    @Test func versionAnnotationOverridesTheImage() throws {
        let yaml = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: kube-apiserver
              namespace: kube-system
              annotations: {rampart.dev/kubernetes-version: v1.23.17}
            spec:
              containers:
              - name: kube-apiserver
                image: mirror.example.com/kube-apiserver@sha256:0123
                command: [kube-apiserver, --insecure-port=0]
            """
        let component = try #require(components(yaml).first)
        #expect(component.version == KubernetesVersion(major: 1, minor: 23, patch: 17))
    }

    @Test func parsesVersions() {
        #expect(KubernetesVersion("v1.29.4-eks-036c24b") == KubernetesVersion(major: 1, minor: 29, patch: 4))
        #expect(KubernetesVersion("1.30") == .v1(30))
        #expect(KubernetesVersion("latest") == nil)
        #expect(KubernetesVersion(imageTag: "localhost:5000/kube-apiserver") == nil)
        #expect(KubernetesVersion(imageTag: "localhost:5000/kube-apiserver:v1.31.0+k3s1") == KubernetesVersion(major: 1, minor: 31, patch: 0))
        #expect(SupportWindow.isEndOfLife(.v1(SupportWindow.newestMinor - 3)))
        #expect(!SupportWindow.isEndOfLife(.v1(SupportWindow.newestMinor - 2)))
    }
}

@Suite struct ConfigFileTests {
    @Test func auditPolicyFirstMatchingRuleDecides() throws {
        let yaml = """
            apiVersion: audit.k8s.io/v1
            kind: Policy
            rules:
            - level: None
              nonResourceURLs: ["/healthz*"]
            - level: RequestResponse
              users: ["admin"]
              resources: [{group: "", resources: ["secrets"]}]
            - level: Metadata
              resources: [{group: "", resources: ["pods"]}]
            - level: Request
              resources: [{group: ""}]
            - level: Metadata
            """
        let policy = try #require(ControlPlane(Fixtures.inventory(yaml)).auditPolicies.first)
        let matches = policy.matches(resource: "secrets", group: "")
        #expect(matches.map(\.index) == [1, 3])
        #expect(matches.map(\.isUnconditional) == [false, true])
        #expect(policy.defaultLevel(resource: "secrets", group: "").level == .request)
        #expect(policy.defaultLevel(resource: "tokenreviews", group: "authentication.k8s.io").level == .metadata)
    }

    @Test func encryptionEntryMatchesWildcardsInOrder() throws {
        let yaml = """
            apiVersion: apiserver.config.k8s.io/v1
            kind: EncryptionConfiguration
            resources:
            - resources: [configmaps]
              providers: [{identity: {}}]
            - resources: ["*."]
              providers:
              - secretbox: {keys: [{name: k, secret: c2VjcmV0}]}
              - identity: {}
            """
        let config = try #require(ControlPlane(Fixtures.inventory(yaml)).encryptionConfigs.first)
        #expect(config.secrets?.index == 1)
        #expect(config.secrets?.providers.map(\.name) == ["secretbox", "identity"])
        #expect(config.entry(for: "deployments", group: "apps") == nil)
    }

    @Test func kubeconfigCredentialsAreClassifiedNotRead() throws {
        let yaml = """
            apiVersion: v1
            kind: Config
            clusters: [{name: c, cluster: {server: "https://x", insecure-skip-tls-verify: true}}]
            users:
            - {name: a, user: {token: abc}}
            - {name: b, user: {client-certificate: /pki/b.crt, client-key: /pki/b.key}}
            - {name: c, user: {exec: {command: aws}}}
            """
        let kubeconfig = try #require(ControlPlane(Fixtures.inventory(yaml)).kubeconfigs.first)
        #expect(kubeconfig.users.map { $0.credentials.map(\.0) } == [[.token], [.clientCertificate], [.exec]])
        #expect(kubeconfig.insecureClusters.map(\.name) == ["c"])
    }

    @Test func rampartsOwnConfigIsNotAKubeconfig() {
        let yaml = "apiVersion: rampart.dev/v1alpha1\nkind: Config\nrules: {}\n"
        #expect(ControlPlane(Fixtures.inventory(yaml)).kubeconfigs.isEmpty)
    }
}
