import RampartModel

/// Every hostname that an Ingress rule or a Gateway API route (`spec.hostnames`) routes to its
/// namespace, by hostname, in input order. Hostnames compare case-insensitively; a wildcard (`*.example.com`) is a
/// claim of its own, since controllers prefer an exact host over a wildcard that covers it.
public struct HostClaims: Sendable {
    /// One object routing one hostname, at `path`.
    public struct Claim: Sendable {
        public let host: String
        public let object: KubeObject
        public let path: FieldPath

        /// `Ingress shop/web`.
        public var label: String { "\(object.kind) \(object.namespace ?? "")/\(object.name)" }
    }

    /// The claims of each hostname, in input order.
    public let claimsByHost: [String: [Claim]]
    /// The claims of each namespace, in input order.
    public let claimsByNamespace: [String: [Claim]]

    public init(_ inventory: Inventory) {
        var claims: [Claim] = []
        let routes = Set(ResourceKind.gatewayRoutes.map(\.kind))
        for object in inventory.objects {
            let group = object.reference.group
            if object.kind == ResourceKind.ingresses.kind, group == ResourceKind.ingresses.group {
                for (index, rule) in (object.root["spec"]?["rules"]?.items ?? []).enumerated() {
                    guard let host = rule["host"]?.string, !host.isEmpty else { continue }
                    claims.append(Claim(host: host.lowercased(), object: object,
                                        path: FieldPath("spec.rules").appending(index: index).appending("host")))
                }
            } else if group == ResourceKind.gatewayGroup, routes.contains(object.kind) {
                for (index, host) in (object.root["spec"]?["hostnames"]?.items ?? []).enumerated() {
                    guard let host = host.string, !host.isEmpty else { continue }
                    claims.append(Claim(host: host.lowercased(), object: object, path: FieldPath("spec.hostnames").appending(index: index)))
                }
            }
        }
        claimsByHost = Dictionary(grouping: claims, by: \.host)
        claimsByNamespace = Dictionary(grouping: claims) { $0.object.namespace ?? "" }
    }
}
