import RampartControlPlane
import RampartModel

/// `controlplane.removed-flags`: flags, admission plugins or feature gates the component's version no longer has.
public struct ControlPlaneRemovedFlags: ComponentRule {
    public let metadata = RuleMetadata(
        id: "controlplane.removed-flags",
        title: "Flag, admission plugin or feature gate removed in this Kubernetes version",
        severity: .high, layer: .controlPlane,
        standards: ["CIS 1.2 (version-specific flags)"],
        rationale: """
            A component given a flag, admission plugin or feature gate that its version removed does not start \
            (unknown flag, unknown admission plugin, unrecognized feature gate): an upgrade with this manifest takes the \
            control plane down, and the protection the setting stood for (PodSecurityPolicy) is gone anyway.
            """,
        remediation: "Remove the setting; replace PodSecurityPolicy with the PodSecurity admission plugin and namespace labels.")

    public let componentKinds: Set<ComponentKind> = [.apiServer, .controllerManager, .scheduler]

    public init() {}

    func problems(_ component: ControlPlaneComponent) -> [ConfigProblem] {
        let version = component.effectiveVersion
        let notes = [component.versionNote]
        let flags = FlagHistory.removedFlags.filter { $0.component == component.kind && version >= $0.removedIn }.compactMap { removal in
            component.flags.last(removal.flag).map {
                ConfigProblem(path: $0.path, message: "--\(removal.flag) was removed in Kubernetes \(removal.removedIn.minorRelease) (\(removal.note)); the component does not start", notes: notes)
            }
        }
        let plugins = component.enabledAdmissionPlugins.compactMap { item, flag -> ConfigProblem? in
            guard let removal = FlagHistory.removedAdmissionPlugins[item], version >= removal.removedIn else { return nil }
            return ConfigProblem(path: flag.path, message: "admission plugin \(item) was removed in Kubernetes \(removal.removedIn.minorRelease) (\(removal.note)); the API server does not start", notes: notes)
        }
        let gates = component.flags.featureGates.sorted { $0.key < $1.key }.compactMap { name, gate -> ConfigProblem? in
            guard let removedIn = FlagHistory.removedFeatureGates[name], version >= removedIn else { return nil }
            return ConfigProblem(path: gate.flag.path, message: "feature gate \(name) was removed in Kubernetes \(removedIn.minorRelease); the component does not start", notes: notes)
        }
        return flags + plugins + gates
    }
}
