import RampartModel
import RampartRules
import Testing
import TestSupport

/// `node.general-purpose-os` names the OS it found; a node that does not say which OS it runs gives
/// no finding (an unknown OS is not evidence of a general-purpose one).
@Suite struct NodeGeneralPurposeOSTests {
    static func node(osImage: String) -> String {
        """
        apiVersion: v1
        kind: Node
        metadata: {name: worker-1}
        status:
          nodeInfo:
            containerRuntimeVersion: containerd://2.1.4
            kernelVersion: 6.8.0-85-generic
            kubeletVersion: v1.35.0
            operatingSystem: linux
        \(osImage.isEmpty ? "" : "    osImage: \(osImage)")
        """
    }

    static func findings(_ yaml: String) -> [Finding] {
        ControlPlaneFixtures.findings(yaml).filter { $0.ruleId == "node.general-purpose-os" }
    }

    @Test(arguments: [#""""#, #""   ""#, "null", ""])
    func anEmptyOrMissingOSImageGivesNoFinding(osImage: String) {
        #expect(Self.findings(Self.node(osImage: osImage)).map(\.message) == [])
    }

    @Test func aNamedGeneralPurposeOSIsReported() {
        #expect(Self.findings(Self.node(osImage: "Ubuntu 24.04.3 LTS")).map(\.message)
                == ["node worker-1 runs Ubuntu 24.04.3 LTS, a general-purpose OS"])
    }
}
