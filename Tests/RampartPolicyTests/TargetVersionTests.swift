import RampartPolicy
import RampartRules
import Testing

/// `targetVersion` in the configuration: the release `upgrade.removed-api` judges manifests against.
@Suite struct TargetVersionTests {
    @Test func theConfigurationSetsTheTarget() {
        let (config, errors) = PolicyConfig.parse(Array("apiVersion: rampart.dev/v1alpha1\nkind: Config\ntargetVersion: \"1.33\"\n".utf8),
                                                  file: "rampart.yaml", knownRules: [])
        #expect(errors.isEmpty)
        #expect(config.settings.targetVersion?.minorRelease == "1.33")
        let (_, bad) = PolicyConfig.parse(Array("apiVersion: rampart.dev/v1alpha1\nkind: Config\ntargetVersion: next\n".utf8),
                                          file: "rampart.yaml", knownRules: [])
        #expect(bad.map(\.message) == ["'targetVersion' must be a Kubernetes release such as 1.33, not 'next'"])
    }
}
