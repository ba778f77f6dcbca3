import RampartModel

extension ResourceKind {
    /// Calico's Felix configuration, which turns WireGuard on between nodes.
    public static let felixConfigurations = ResourceKind(group: "projectcalico.org", kind: "FelixConfiguration",
                                                         resource: "felixconfigurations")
}

/// Encryption of pod traffic between nodes by the CNI: Cilium's WireGuard or IPsec (`enable-wireguard`,
/// `enable-ipsec` in the `cilium-config` ConfigMap) or Calico's WireGuard (`wireguardEnabled` in a
/// FelixConfiguration, as `projectcalico.org/v3` or the datastore's `crd.projectcalico.org/v1`). It
/// encrypts what crosses the network, without telling one workload from another: evidence for the
/// transit layer, not a substitute for a mesh's mutual TLS.
public struct CNIEncryption: Sendable {
    /// `Cilium WireGuard`, `Calico WireGuard`…
    public let name: String
    public let object: KubeObject
    public let path: FieldPath

    /// The encryption that `inventory` configures, if any.
    public init?(_ inventory: Inventory) {
        for config in inventory.objects(ofKind: ResourceKind.configMaps.kind, group: "") where config.name == "cilium-config" {
            for (key, name) in [("enable-wireguard", "Cilium WireGuard"), ("enable-ipsec", "Cilium IPsec")]
            where config.root["data"]?[key]?.string?.lowercased() == "true" {
                self.init(name: name, object: config, path: FieldPath("data").appending(key))
                return
            }
        }
        for group in [ResourceKind.felixConfigurations.group, "crd.projectcalico.org"] {
            for config in inventory.objects(ofKind: ResourceKind.felixConfigurations.kind, group: group)
            where config.root["spec"]?["wireguardEnabled"]?.bool == true {
                self.init(name: "Calico WireGuard", object: config, path: "spec.wireguardEnabled")
                return
            }
        }
        return nil
    }

    private init(name: String, object: KubeObject, path: FieldPath) {
        self.name = name
        self.object = object
        self.path = path
    }
}
