import RampartControlPlane
import RampartModel
import RampartRules
import Testing
import TestSupport

/// Which platform runs the control plane, told by the API server's `/version` and the Nodes, and
/// the note `controlplane.provider-owned` gives when the provider owns it.
@Suite struct ManagedPlatformTests {
    static func node(labels: [String] = [], providerID: String? = nil, kubelet: String = "v1.35.0") -> String {
        """
        apiVersion: v1
        kind: Node
        metadata:
          name: worker-1
          labels:
            kubernetes.io/os: linux
        \(labels.map { "    \($0): x" }.joined(separator: "\n"))
        spec: {\(providerID.map { "providerID: \($0)" } ?? "")}
        status:
          nodeInfo: {kubeletVersion: \(kubelet), osImage: Bottlerocket OS 1.40.0, operatingSystem: linux}
        """
    }

    static func server(_ gitVersion: String) -> String {
        "apiVersion: rampart.dev/v1alpha1\nkind: ServerVersion\nmetadata: {name: kube-apiserver}\ngitVersion: \(gitVersion)\n"
    }

    static func platform(_ documents: String...) -> ManagedPlatform {
        ManagedPlatform(Fixtures.inventory(documents.joined(separator: "\n---\n")))
    }

    @Test(arguments: [
        ("eks.amazonaws.com/nodegroup", Platform.eks), ("eks.amazonaws.com/compute-type", .eks),
        ("cloud.google.com/gke-nodepool", .gke), ("kubernetes.azure.com/cluster", .aks), ("node.openshift.io/os_id", .openShift),
    ])
    func aServiceLabelOnANodeTellsThePlatform(label: String, platform: Platform) {
        let detected = Self.platform(Self.node(labels: [label]))
        #expect(detected.platform == platform)
        #expect(detected.marker?.path.description == "metadata.labels['\(label)']")
    }

    @Test func theAPIServerVersionSuffixComesFirst() {
        let detected = Self.platform(Self.node(labels: ["kubernetes.azure.com/cluster"]), Self.server("v1.33.4-gke.1245000"))
        #expect(detected.platform == .gke)
        #expect(detected.marker?.evidence == "API server v1.33.4-gke.1245000")
        #expect(Self.platform(Self.server("v1.33.4-eks-1234567")).platform == .eks)
    }

    @Test func aKubeletVersionSuffixTellsThePlatformWhenNothingElseDoes() {
        let detected = Self.platform(Self.node(kubelet: "v1.35.2-eks-3025e55"))
        #expect(detected.platform == .eks)
        #expect(detected.marker?.path.description == "status.nodeInfo.kubeletVersion")
    }

    /// kubeadm on EC2 with the AWS cloud provider has aws:// provider IDs too: the cloud, not a managed control plane.
    @Test(arguments: [("aws:///eu-west-1a/i-0a1b2c3d4e5f60001", "AWS"), ("gce://project/europe-west1-b/vm-1", "Google Cloud"),
                      ("azure:///subscriptions/s/resourceGroups/r/providers/Microsoft.Compute/virtualMachines/vm-1", "Azure")])
    func aProviderIDAloneNamesOnlyTheCloud(providerID: String, cloud: String) {
        let detected = Self.platform(Self.node(providerID: providerID), Self.server("v1.35.0"))
        #expect(detected.platform == .selfManaged)
        #expect(detected.description == "self-managed/kubeadm on \(cloud)")
    }

    @Test func aPlainClusterIsSelfManaged() {
        #expect(Self.platform(Self.node(), Self.server("v1.35.0")).description == "self-managed/kubeadm")
    }

    // MARK: controlplane.provider-owned

    static func providerOwned(_ yaml: String) -> [Finding] {
        ControlPlaneFixtures.findings(yaml).filter { $0.ruleId == "controlplane.provider-owned" }
    }

    @Test func aManagedControlPlaneIsReportedAsNotJudgedPerComponent() throws {
        let findings = Self.providerOwned(Self.node(labels: ["cloud.google.com/gke-nodepool"]))
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.severity == .info)
        #expect(finding.message == "the control plane is run by GKE (node worker-1 label cloud.google.com/gke-nodepool): its checks were not judged")
        #expect(finding.notes.count == ComponentKind.allCases.count)
        #expect(finding.notes.allSatisfy { $0.hasSuffix("owned by GKE, not judged") })
    }

    @Test func givenControlPlaneFilesAreJudgedWhateverThePlatform() throws {
        let kubeadm = try ControlPlaneFixtures.text("kubeadm-default.yaml")
        #expect(Self.providerOwned(kubeadm + "\n---\n" + Self.node(labels: ["eks.amazonaws.com/nodegroup"])).isEmpty)
    }

    @Test func aSelfManagedClusterGetsNoNote() {
        #expect(Self.providerOwned(Self.node(providerID: "aws:///eu-west-1a/i-1")).isEmpty)
    }
}
