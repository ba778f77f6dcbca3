/// The resource (noisy neighbour) rule family, in catalog order.
public enum ResourceRules {
    public static let all: [any Rule] = [
        ResourcesMissingLimits(),
        ResourcesMissingRequests(),
        ResourcesMissingEphemeralStorageLimits(),
        ResourcesNamespaceWithoutQuota(),
        ResourcesNamespaceWithoutLimitRange(),
        ResourcesDeviceAdminAccess(),
    ]
}
