import RampartControlPlane
import RampartModel

/// `kubelet.protect-kernel-defaults`: the kubelet tunes kernel settings instead of refusing to start.
public struct KubeletProtectKernelDefaults: KubeletRule {
    public let metadata = RuleMetadata(
        id: "kubelet.protect-kernel-defaults",
        title: "Kubelet may change the node's kernel settings",
        severity: .low, layer: .node,
        standards: ["CIS 4.2.6 (benchmark v1.8)"],
        rationale: """
            With protectKernelDefaults false (the default) the kubelet silently changes kernel parameters that differ \
            from what it expects, overriding the node's hardened sysctl profile; with true it refuses to start instead.
            """,
        remediation: "Set protectKernelDefaults: true after setting the kernel parameters the kubelet expects (vm.overcommit_memory=1, kernel.panic=10, kernel.panic_on_oops=1).")

    public init() {}

    func problems(_ config: KubeletConfig) -> [ConfigProblem] {
        config.boolean("protectKernelDefaults", expected: true, default: false, "the kubelet may override kernel settings")
    }
}
