import RampartControlPlane
import RampartModel
import Synchronization

/// Settings of rules that the platform team configures (from the configuration file).
public struct RuleSettings: Sendable {
    /// Registries images may come from (`registry.example.com`, `ghcr.io/org`); empty: no restriction.
    public var allowedRegistries: [String]
    /// Namespaces that belong to the platform rather than to tenants (rules about tenant namespaces skip them).
    public var platformNamespaces: Set<String>
    /// The Kubernetes release the cluster is to run (`upgrade.removed-api`); nil: the cluster's own
    /// when the inputs tell it.
    public var targetVersion: KubernetesVersion?
    /// Images that scanner reports describe (`--vulnerabilities`), matched to workloads by `images.vulnerable`.
    public var vulnerabilityReports: [ScannedImage] = []
    /// What `images.vulnerable` reports of them.
    public var vulnerabilityThresholds = VulnerabilitySettings()
    /// The CIS Kubernetes Benchmark version whose numbers the findings show.
    public var benchmark = CISBenchmark.standard

    public init(allowedRegistries: [String] = [], platformNamespaces: Set<String> = RuleSettings.defaultPlatformNamespaces,
                targetVersion: KubernetesVersion? = nil) {
        self.allowedRegistries = allowedRegistries
        self.platformNamespaces = platformNamespaces
        self.targetVersion = targetVersion
    }

    /// Sets `targetVersion` from a release as written (`1.33`, `v1.33.2`); false when it does not parse.
    public mutating func setTargetVersion(_ text: String) -> Bool {
        guard let version = KubernetesVersion(text) else { return false }
        targetVersion = version
        return true
    }

    /// Namespaces Kubernetes itself creates.
    public static let defaultPlatformNamespaces: Set<String> = ["kube-system", "kube-public", "kube-node-lease"]
}

/// What every rule sees: the inventory, the settings, and analyses shared between rules
/// (computed once, on first use, whichever rule asks first).
public final class AuditContext: Sendable {
    public let inventory: Inventory
    public let settings: RuleSettings
    private let analyses = Mutex<[ObjectIdentifier: AnalysisCell]>([:])

    public init(inventory: Inventory, settings: RuleSettings = RuleSettings()) {
        self.inventory = inventory
        self.settings = settings
    }

    /// The shared analysis of type `T`, computed by `make` the first time any rule asks for it.
    /// Rules asking at the same time wait for that one computation; analyses of other types
    /// (which `make` may ask for in turn) proceed independently.
    public func shared<T: Sendable>(_ type: T.Type, _ make: (Inventory) -> T) -> T {
        let key = ObjectIdentifier(type)
        let cell = analyses.withLock { store in
            if let cell = store[key] { return cell }
            let cell = AnalysisCell()
            store[key] = cell
            return cell
        }
        return cell.value.withLock { value in
            // The cell of `T` only ever holds an `AnalysisBox<T>`: the unchecked downcast is safe,
            // and much cheaper than casting an existential (each PSS rule asks on every pod).
            if let existing = value { return unsafeDowncast(existing, to: AnalysisBox<T>.self).value }
            let made = make(inventory)
            value = AnalysisBox(made)
            return made
        }
    }

    /// True for namespaces tenants use (not the platform's own).
    public func isTenantNamespace(_ namespace: String) -> Bool {
        !settings.platformNamespaces.contains(namespace)
    }
}

/// One shared analysis, computed once under its own lock.
private final class AnalysisCell: Sendable {
    let value = Mutex<(AnyObject & Sendable)?>(nil)
}

/// A computed analysis of type `T`.
private final class AnalysisBox<T: Sendable>: Sendable {
    let value: T

    init(_ value: T) {
        self.value = value
    }
}
