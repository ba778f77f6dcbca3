import RampartControlPlane
import RampartModel

/// `upgrade.removed-api`: a manifest written for an API version that the cluster's target
/// Kubernetes release no longer serves.
public struct UpgradeRemovedAPI: Rule {
    public let metadata = RuleMetadata(
        id: "upgrade.removed-api",
        title: "Manifest uses an API version removed in the target Kubernetes release",
        severity: .medium, layer: .controlPlane,
        standards: ["Kubernetes: deprecated API migration guide"],
        rationale: """
            The API server of a release that removed an API version rejects manifests written for it: \
            the deployment pipeline breaks at the upgrade, and a policy (a NetworkPolicy, a \
            PodDisruptionBudget, RBAC) that cannot be applied leaves the workloads without it.
            """,
        remediation: """
            Rewrite the manifest for the replacement API version (`kubectl convert`, or the chart's newer \
            release). The target release is `targetVersion` in the configuration or `--target-version`; \
            without one, the cluster's own release when the inputs tell it, else every removal is reported.
            """)

    public init() {}

    /// Manifests only: a live cluster serves its objects in the versions it still has (and the API
    /// server refuses removed versions before any webhook sees them).
    public var reads: Set<ResourceKind> { [] }

    public func evaluate(in context: AuditContext) -> [Violation] {
        let target = context.targetVersion
        return context.inventory.objects.flatMap { violations($0, target: target) }
    }

    private func violations(_ object: KubeObject, target: (version: KubernetesVersion, origin: String)?) -> [Violation] {
        guard let removed = RemovedAPI.of(object) else { return [] }
        if let target, target.version < removed.removedIn { return [] }
        let instead = removed.replacement.map { "; use \($0)" } ?? "; nothing replaces it"
        let against = target.map { " (target: Kubernetes \($0.version.minorRelease), \($0.origin))" } ?? ""
        return [Violation(object: object, path: "apiVersion",
                          message: "\(removed.apiVersion) \(removed.kind) is not served since Kubernetes \(removed.removedIn.minorRelease)\(against)\(instead)")]
    }
}

extension AuditContext {
    /// The Kubernetes release manifests are judged against: the configured target, else the
    /// cluster's own when the inputs hold the API server's `/version`, else none.
    var targetVersion: (version: KubernetesVersion, origin: String)? {
        if let configured = settings.targetVersion { return (configured, "configured") }
        return controlPlane.serverVersions.compactMap(\.version).max().map { ($0, "the API server's version") }
    }
}
