/// The upgrade safety rule family, in catalog order.
public enum UpgradeRules {
    public static let all: [any Rule] = [
        UpgradeRemovedAPI(),
    ]
}
