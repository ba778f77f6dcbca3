import RampartModel
import Synchronization

/// Settings of rules that the platform team configures (from the configuration file).
public struct RuleSettings: Sendable {
    /// Registries images may come from (`registry.example.com`, `ghcr.io/org`); empty: no restriction.
    public var allowedRegistries: [String]
    /// Namespaces that belong to the platform rather than to tenants (rules about tenant namespaces skip them).
    public var platformNamespaces: Set<String>

    public init(allowedRegistries: [String] = [], platformNamespaces: Set<String> = RuleSettings.defaultPlatformNamespaces) {
        self.allowedRegistries = allowedRegistries
        self.platformNamespaces = platformNamespaces
    }

    /// Namespaces Kubernetes itself creates.
    public static let defaultPlatformNamespaces: Set<String> = ["kube-system", "kube-public", "kube-node-lease"]
}

/// What every rule sees: the inventory, the settings, and analyses shared between rules
/// (computed once, on first use, whichever rule asks first).
public final class AuditContext: Sendable {
    public let inventory: Inventory
    public let settings: RuleSettings
    private let analyses = Mutex<[ObjectIdentifier: any Sendable]>([:])

    public init(inventory: Inventory, settings: RuleSettings = RuleSettings()) {
        self.inventory = inventory
        self.settings = settings
    }

    /// The shared analysis of type `T`, computed by `make` the first time any rule asks for it.
    public func shared<T: Sendable>(_ type: T.Type, _ make: (Inventory) -> T) -> T {
        let key = ObjectIdentifier(type)
        if let cached = analyses.withLock({ $0[key] }) as? T { return cached }
        let value = make(inventory)
        return analyses.withLock { store in
            if let existing = store[key] as? T { return existing }
            store[key] = value
            return value
        }
    }

    /// True for namespaces tenants use (not the platform's own).
    public func isTenantNamespace(_ namespace: String) -> Bool {
        !settings.platformNamespaces.contains(namespace)
    }
}
