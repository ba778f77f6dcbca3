import RampartModel

extension ResourceKind {
    /// Dynamic Resource Allocation's device classes (GPUs, NICs, FPGAs…): what tenants claim devices by.
    public static let deviceClasses = ResourceKind(group: "resource.k8s.io", kind: "DeviceClass", resource: "deviceclasses")
}

extension FairnessLayer {
    /// What a quota must bound when the cluster has DeviceClasses: the devices of each class
    /// (`<class>.deviceclass.resource.k8s.io/devices`, which counts the devices that a namespace's
    /// ResourceClaims request of that class, admin-access requests included). Without it one tenant
    /// can claim every device of the class.
    static func deviceBounds(_ inventory: Inventory) -> [(what: String, keys: [String])] {
        inventory.objects(ofKind: ResourceKind.deviceClasses.kind, group: ResourceKind.deviceClasses.group).map(\.name).sorted().map { name in
            ("devices of class \(name)", ["\(name).deviceclass.resource.k8s.io/devices"])
        }
    }
}
