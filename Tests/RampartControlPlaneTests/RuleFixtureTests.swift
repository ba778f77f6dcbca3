import Foundation
import RampartModel
import RampartRules
import Testing

/// One fail fixture: the hardened baseline with one tweak, the rule that must fire, and the line it must point at.
struct FailCase: CustomTestStringConvertible, Sendable {
    var rule: String
    var replacements: [(String, String)]
    /// A fragment of the line the finding points at (nil: the flag is missing, any line).
    var line: String?

    init(_ rule: String, _ old: String, _ new: String, line: String? = nil, also: [(String, String)] = []) {
        self.rule = rule
        replacements = [(old, new)] + also
        self.line = line
    }

    var testDescription: String { rule }

    static let apiServerSpare = "    - --secure-port=6443\n"
    static let secretsRule = "- level: Metadata\n  resources:\n  - group: \"\"\n"

    static let all: [FailCase] = [
        FailCase("controlplane.anonymous-auth", "    - --authentication-config=/etc/kubernetes/authn/authentication.yaml\n",
                 "    - --anonymous-auth=true\n", line: "--anonymous-auth=true"),
        FailCase("controlplane.token-auth-file", apiServerSpare, "    - --token-auth-file=/etc/kubernetes/tokens.csv\n", line: "--token-auth-file"),
        FailCase("controlplane.authorization-always-allow", "--authorization-mode=Node,RBAC", "--authorization-mode=AlwaysAllow",
                 line: "--authorization-mode"),
        FailCase("controlplane.authorization-node-rbac", "--authorization-mode=Node,RBAC", "--authorization-mode=RBAC", line: "--authorization-mode"),
        FailCase("controlplane.insecure-port", apiServerSpare, "    - --insecure-port=8080\n", line: "--insecure-port",
                 also: [("kube-apiserver:v1.35.0", "kube-apiserver:v1.19.16")]),
        FailCase("controlplane.admission-always-admit", "=NodeRestriction,AlwaysPullImages", "=NodeRestriction,AlwaysAdmit,AlwaysPullImages",
                 line: "AlwaysAdmit"),
        FailCase("controlplane.admission-node-restriction", "=NodeRestriction,AlwaysPullImages", "=AlwaysPullImages",
                 line: "--enable-admission-plugins"),
        FailCase("controlplane.admission-plugins-disabled", apiServerSpare, "    - --disable-admission-plugins=PodSecurity\n",
                 line: "--disable-admission-plugins"),
        FailCase("controlplane.admission-always-pull-images", "NodeRestriction,AlwaysPullImages,", "NodeRestriction,",
                 line: "--enable-admission-plugins"),
        FailCase("controlplane.admission-deny-external-ips", ",DenyServiceExternalIPs", "", line: "--enable-admission-plugins"),
        FailCase("controlplane.pod-security-default-privileged", "      enforce: baseline", "      enforce: privileged", line: "enforce: privileged"),
        FailCase("controlplane.pod-security-exemptions", "namespaces: [kube-system]", "namespaces: [kube-system, team-a]",
                 line: "namespaces: [kube-system, team-a]"),
        FailCase("controlplane.audit-log-path", "    - --audit-log-path=/var/log/kubernetes/audit/audit.log\n", "    - --v=2\n"),
        FailCase("controlplane.audit-policy-file", "    - --audit-policy-file=/etc/kubernetes/audit/policy.yaml\n", "    - --v=2\n"),
        FailCase("controlplane.audit-log-retention", "--audit-log-maxage=30", "--audit-log-maxage=7", line: "--audit-log-maxage=7"),
        FailCase("controlplane.audit-secret-bodies", secretsRule, "- level: RequestResponse\n  resources:\n  - group: \"\"\n",
                 line: "- level: RequestResponse\n  resources:\n  - group: \"\""),
        FailCase("controlplane.audit-secrets-unrecorded", secretsRule, "- level: None\n  resources:\n  - group: \"\"\n",
                 line: "- level: None\n  resources:\n  - group: \"\"\n    resources: [\"secrets\""),
        FailCase("controlplane.encryption-provider-config", "    - --encryption-provider-config=/etc/kubernetes/encryption/config.yaml\n",
                 "    - --v=2\n"),
        FailCase("controlplane.encryption-secrets-plaintext", "  providers:\n  - kms:", "  providers:\n  - identity: {}\n  - kms:",
                 line: "  - identity: {}\n  - kms:"),
        FailCase("controlplane.encryption-weak-provider", "  - kms:\n      apiVersion: v2", "  - aescbc:\n      keys: []", line: "  - aescbc:"),
        FailCase("controlplane.serving-tls", "    - --client-ca-file=/etc/kubernetes/pki/ca.crt\n    - --enable-admission",
                 "    - --enable-admission"),
        FailCase("controlplane.kubelet-client-tls", "    - --kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt\n", ""),
        FailCase("controlplane.etcd-client-tls", "--etcd-servers=https://", "--etcd-servers=http://", line: "--etcd-servers"),
        FailCase("controlplane.weak-tls", "--tls-min-version=VersionTLS12", "--tls-min-version=VersionTLS10", line: "VersionTLS10"),
        FailCase("controlplane.service-account-lookup", apiServerSpare, "    - --service-account-lookup=false\n", line: "--service-account-lookup"),
        FailCase("controlplane.service-account-signing", "    - --service-account-issuer=https://kubernetes.default.svc.cluster.local\n", ""),
        FailCase("controlplane.profiling", "    - --profiling=false\n    image: registry.k8s.io/kube-scheduler",
                 "    - --profiling=true\n    image: registry.k8s.io/kube-scheduler", line: "--profiling=true"),
        FailCase("controlplane.service-account-credentials", "--use-service-account-credentials=true",
                 "--use-service-account-credentials=false", line: "--use-service-account-credentials"),
        FailCase("controlplane.controller-manager-keys", "    - --root-ca-file=/etc/kubernetes/pki/ca.crt\n", ""),
        FailCase("controlplane.bind-address", "--bind-address=127.0.0.1\n    - --kubeconfig=/etc/kubernetes/scheduler.conf",
                 "--bind-address=0.0.0.0\n    - --kubeconfig=/etc/kubernetes/scheduler.conf", line: "--bind-address=0.0.0.0"),
        FailCase("controlplane.removed-flags", apiServerSpare, "    - --enable-admission-plugins=PodSecurityPolicy\n", line: "=PodSecurityPolicy"),
        FailCase("controlplane.end-of-life", "kube-apiserver:v1.35.0", "kube-apiserver:v1.30.4", line: "kube-apiserver:v1.30.4"),
        FailCase("controlplane.kubeconfig-static-credentials",
                 "    client-certificate-data: UExBQ0VIT0xERVItQ0VSVA==\n    client-key-data: UExBQ0VIT0xERVItS0VZ",
                 "    token: c2VjcmV0LXRva2VuLXZhbHVl", line: "token: c2VjcmV0"),
        FailCase("controlplane.kubeconfig-insecure-tls", "    certificate-authority-data: UExBQ0VIT0xERVItQ0E=",
                 "    insecure-skip-tls-verify: true", line: "insecure-skip-tls-verify"),
        FailCase("etcd.client-cert-auth", "    - --client-cert-auth=true", "    - --client-cert-auth=false", line: "    - --client-cert-auth=false"),
        FailCase("etcd.peer-client-cert-auth", "--peer-client-cert-auth=true", "--peer-client-cert-auth=false", line: "--peer-client-cert-auth"),
        FailCase("etcd.auto-tls", "    - --snapshot-count=10000", "    - --peer-auto-tls", line: "--peer-auto-tls"),
        FailCase("etcd.tls-files", "    - --cert-file=/etc/kubernetes/pki/etcd/server.crt\n", ""),
        FailCase("kubelet.anonymous-auth", "  anonymous:\n    enabled: false", "  anonymous:\n    enabled: true", line: "    enabled: true"),
        FailCase("kubelet.webhook-authorization", "  mode: Webhook", "  mode: AlwaysAllow", line: "mode: AlwaysAllow"),
        FailCase("kubelet.client-ca", "  x509:\n    clientCAFile: /etc/kubernetes/pki/ca.crt\n", ""),
        FailCase("kubelet.read-only-port", "readOnlyPort: 0", "readOnlyPort: 10255", line: "readOnlyPort: 10255"),
        FailCase("kubelet.protect-kernel-defaults", "protectKernelDefaults: true", "protectKernelDefaults: false", line: "protectKernelDefaults"),
        FailCase("kubelet.event-qps", "eventRecordQPS: 50", "eventRecordQPS: 0", line: "eventRecordQPS: 0"),
        FailCase("kubelet.rotate-certificates", "rotateCertificates: true", "rotateCertificates: false", line: "rotateCertificates: false"),
        FailCase("kubelet.weak-tls", "- TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\ntlsMinVersion", "- TLS_RSA_WITH_3DES_EDE_CBC_SHA\ntlsMinVersion",
                 line: "TLS_RSA_WITH_3DES_EDE_CBC_SHA"),
        FailCase("kubelet.pod-pids-limit", "podPidsLimit: 4096", "podPidsLimit: -1", line: "podPidsLimit: -1"),
        FailCase("node.general-purpose-os", "osImage: Flatcar Container Linux by Kinvolk 4230.2.3 (Oklo)", "osImage: Ubuntu 24.04.3 LTS",
                 line: "osImage: Ubuntu"),
        FailCase("node.end-of-life-kubelet", "kubeletVersion: v1.35.0", "kubeletVersion: v1.31.2-eks-036c24b", line: "kubeletVersion: v1.31"),
    ]
}

@Suite struct RuleFixtureTests {
    @Test func hardenedBaselinePassesEveryRule() throws {
        let findings = ControlPlaneFixtures.findings(try ControlPlaneFixtures.text("hardened.yaml"))
        #expect(findings.map { "\($0.ruleId): \($0.message)" } == [])
    }

    @Test func kubeadmDefaultsGetTheFindingsKubeBenchReports() throws {
        let findings = ControlPlaneFixtures.findings(try ControlPlaneFixtures.text("kubeadm-default.yaml"))
        let summary = findings.map { "\($0.ruleId) \($0.object.name)" }.sorted()
        #expect(summary == [
            "controlplane.admission-always-pull-images kube-apiserver",
            "controlplane.admission-deny-external-ips kube-apiserver",
            "controlplane.anonymous-auth kube-apiserver",
            "controlplane.audit-log-path kube-apiserver",
            "controlplane.audit-policy-file kube-apiserver",
            "controlplane.encryption-provider-config kube-apiserver",
            "controlplane.kubelet-client-tls kube-apiserver",
            "controlplane.profiling kube-apiserver",
            "controlplane.profiling kube-controller-manager",
            "controlplane.profiling kube-scheduler",
            "kubelet.pod-pids-limit ",
            "kubelet.protect-kernel-defaults ",
            "node.general-purpose-os cp-1",
        ])
    }

    @Test func everyRuleOfTheFamilyHasAFailFixture() {
        let covered = Set(FailCase.all.map(\.rule))
        for rule in ControlPlaneRules.all.map(\.metadata.id) {
            #expect(covered.contains(rule), "\(rule) has no fail fixture")
        }
    }

    @Test(arguments: FailCase.all)
    func failFixtureFiresTheRuleOnTheRightLine(_ failCase: FailCase) throws {
        var yaml = try ControlPlaneFixtures.text("hardened.yaml")
        for (old, new) in failCase.replacements {
            #expect(yaml.contains(old), "fixture drifted: \(old)")
            yaml = yaml.replacingOccurrences(of: old, with: new)
        }
        let fired = ControlPlaneFixtures.findings(yaml).filter { $0.ruleId == failCase.rule }
        #expect(!fired.isEmpty, "\(failCase.rule) did not fire")
        if let fragment = failCase.line {
            let expected = ControlPlaneFixtures.line(of: fragment, in: yaml)
            #expect(fired.contains { $0.location.line == expected }, "\(failCase.rule) points at \(fired.map(\.location.line)), not line \(expected ?? 0)")
        }
        for finding in fired { #expect(!finding.message.contains("c2VjcmV0"), "a credential leaked into a message") }
    }
}
