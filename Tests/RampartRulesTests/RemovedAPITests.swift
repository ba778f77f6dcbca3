import Foundation
import RampartModel
import RampartRules
import Testing
import TestSupport

/// `upgrade.removed-api` on a real manifest of the corpus (`autoscaling/v2beta2` HPAs exported from
/// a 2021 cluster): reported against every target from 1.26, when the API went, and not before.
@Suite(.enabled(if: Fixtures.sharedDirectory != nil, "needs ../shared"))
struct RemovedAPITests {
    static func hpa() throws -> String {
        let file = try #require(Fixtures.sharedDirectory).appendingPathComponent(
            "corpus/gke-samples/cost-optimization/gke-shift-left-cost/api/testdata/hpa/hpa-v2beta2.yaml")
        return try String(contentsOf: file, encoding: .utf8)
    }

    static func messages(_ yaml: String, target: String?) -> [String] {
        var settings = RuleSettings()
        if let target {
            let parsed = settings.setTargetVersion(target)
            #expect(parsed)
        }
        return findings(yaml, rules: [UpgradeRemovedAPI()], settings: settings).map(\.message)
    }

    @Test func reportedFromTheReleaseThatRemovedIt() throws {
        let hpa = try Self.hpa()
        let objects = Fixtures.objects(hpa).count
        #expect(objects > 1)
        let untargeted = Self.messages(hpa, target: nil)
        #expect(untargeted.count == objects)
        #expect(Set(untargeted) == ["autoscaling/v2beta2 HorizontalPodAutoscaler is not served since Kubernetes 1.26; use autoscaling/v2"])
        #expect(Set(Self.messages(hpa, target: "1.26")) == [
            "autoscaling/v2beta2 HorizontalPodAutoscaler is not served since Kubernetes 1.26 (target: Kubernetes 1.26, configured); use autoscaling/v2",
        ])
        #expect(Self.messages(hpa, target: "v1.25.9").isEmpty)
    }

    @Test func theClusterVersionIsTheTargetWhenNoneIsConfigured() throws {
        let server = "\n---\napiVersion: rampart.dev/v1alpha1\nkind: ServerVersion\nmetadata: {name: kube-apiserver}\ngitVersion: v1.25.4-eks-1a2b3c4\n"
        #expect(Self.messages(try Self.hpa() + server, target: nil).isEmpty)
    }
}
