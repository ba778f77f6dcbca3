import Foundation
import RampartModel
import RampartRules
import Testing

/// kubeadm's defaults, audited by the control-plane family, get what kube-bench reports for them.
/// (Every rule of the family is proven to fire by the fixtures of `Tests/Fixtures`.)
@Suite struct KubeadmDefaultsTests {
    @Test func kubeadmDefaultsGetTheFindingsKubeBenchReports() throws {
        let findings = ControlPlaneFixtures.findings(try ControlPlaneFixtures.text("kubeadm-default.yaml"))
        let summary = findings.map { "\($0.ruleId) \($0.object.name)" }.sorted()
        #expect(summary == [
            "controlplane.admission-always-pull-images kube-apiserver",
            "controlplane.admission-deny-external-ips kube-apiserver",
            "controlplane.admission-event-rate-limit kube-apiserver",
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
}
