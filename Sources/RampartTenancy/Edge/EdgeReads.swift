import RampartModel

extension ResourceKind {
    /// Gateway API routes that claim hostnames and reference backends.
    public static let httpRoutes = ResourceKind(group: gatewayGroup, kind: "HTTPRoute", resource: "httproutes")
    public static let grpcRoutes = ResourceKind(group: gatewayGroup, kind: "GRPCRoute", resource: "grpcroutes")
    public static let tlsRoutes = ResourceKind(group: gatewayGroup, kind: "TLSRoute", resource: "tlsroutes")
    public static let tcpRoutes = ResourceKind(group: gatewayGroup, kind: "TCPRoute", resource: "tcproutes")
    public static let udpRoutes = ResourceKind(group: gatewayGroup, kind: "UDPRoute", resource: "udproutes")
    /// Gateways, whose listeners reference certificates.
    public static let gateways = ResourceKind(group: gatewayGroup, kind: "Gateway", resource: "gateways")
    /// The grants that allow references into a namespace from another.
    public static let referenceGrants = ResourceKind(group: gatewayGroup, kind: "ReferenceGrant", resource: "referencegrants")

    /// The Gateway API's group.
    public static let gatewayGroup = "gateway.networking.k8s.io"

    /// The Gateway API routes.
    public static let gatewayRoutes: [ResourceKind] = [httpRoutes, grpcRoutes, tlsRoutes, tcpRoutes, udpRoutes]
}
