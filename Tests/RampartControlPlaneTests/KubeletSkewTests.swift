import RampartControlPlane
import RampartModel
import RampartRules
import Testing
import TestSupport

/// The version skew policy between kubelets and API servers, and `node.version-skew` judging it
/// from the API server's `/version` and its static pod.
@Suite struct KubeletSkewTests {
    static func problem(_ kubelet: String, _ servers: String...) -> String? {
        KubeletSkew.problem(kubelet: KubernetesVersion(kubelet)!, apiServers: servers.map { KubernetesVersion($0)! })
    }

    @Test(arguments: ["v1.35.0", "v1.35.9", "v1.34.2", "v1.33.0", "v1.32.7-eks-3025e55"])
    func upToThreeMinorsOlderIsSupported(kubelet: String) {
        #expect(Self.problem(kubelet, "v1.35.1") == nil)
    }

    @Test func fourMinorsOlderIsNot() {
        #expect(Self.problem("v1.31.4", "v1.35.0") == "kubelet 1.31 is 4 minor releases older than the API server (1.35): at most 3 are supported")
    }

    @Test func aKubeletOlderThan125MayBeOnlyTwoMinorsBehind() {
        #expect(Self.problem("v1.24.17", "v1.26.0") == nil)
        #expect(Self.problem("v1.24.17", "v1.27.0") == "kubelet 1.24 is 3 minor releases older than the API server (1.27): at most 2 are supported")
    }

    @Test func aNewerKubeletIsNeverSupported() {
        #expect(Self.problem("v1.36.0", "v1.35.4") == "kubelet 1.36 is newer than the API server (1.35): a kubelet must never be newer")
    }

    /// An HA control plane mid-upgrade: a kubelet must not be newer than the oldest API server, and
    /// is measured against the newest.
    @Test func inAnHAControlPlaneTheRangeNarrows() {
        #expect(Self.problem("v1.35.0", "v1.35.0", "v1.34.3")?.hasPrefix("kubelet 1.35 is newer than the API server (1.34)") == true)
        #expect(Self.problem("v1.32.0", "v1.35.0", "v1.34.3") == nil)
        #expect(Self.problem("v1.31.0", "v1.35.0", "v1.34.3")?.contains("older than the API server (1.35)") == true)
    }

    @Test func withoutAnAPIServerVersionNothingIsJudged() {
        #expect(Self.problem("v1.20.0") == nil)
    }

    // MARK: node.version-skew

    static let node = """
        apiVersion: v1
        kind: Node
        metadata: {name: worker-1}
        status:
          nodeInfo: {kubeletVersion: v1.32.1, osImage: Bottlerocket OS 1.40.0, operatingSystem: linux}
        """

    static func skewFindings(_ documents: String...) -> [Finding] {
        ControlPlaneFixtures.findings(documents.joined(separator: "\n---\n")).filter { $0.ruleId == "node.version-skew" }
    }

    @Test func theLiveAPIServerVersionJudgesTheKubelets() {
        let server = ManagedPlatformTests.server("v1.36.2-eks-1234567")
        #expect(Self.skewFindings(Self.node, server).map(\.message)
                == ["node worker-1: kubelet 1.32 is 4 minor releases older than the API server (1.36): at most 3 are supported"])
        #expect(Self.skewFindings(Self.node, ManagedPlatformTests.server("v1.35.0")).isEmpty)
    }

    @Test func theStaticPodImageTagJudgesThemInFiles() throws {
        let kubeadm = try ControlPlaneFixtures.text("kubeadm-default.yaml")
        let newer = kubeadm.replacingOccurrences(of: "kubeletVersion: v1.35", with: "kubeletVersion: v1.36")
        #expect(newer != kubeadm)
        #expect(Self.skewFindings(newer).map(\.path) == ["status.nodeInfo.kubeletVersion"])
        #expect(Self.skewFindings(kubeadm).isEmpty)
    }

    @Test func withoutAnAPIServerVersionNoNodeIsJudged() {
        #expect(Self.skewFindings(Self.node).isEmpty)
    }
}
