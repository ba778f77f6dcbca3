import RampartModel

extension ResourceKind {
    public static let endpointSlices = ResourceKind(group: "discovery.k8s.io", kind: "EndpointSlice", resource: "endpointslices")
}

/// Where pods reach the Kubernetes API server: the endpoints of the `kubernetes` Service in
/// `default` (its EndpointSlices, or its Endpoints in a file), else the Service's cluster IP.
/// Most CNIs judge egress after the Service address is translated, so the endpoints are what a
/// policy must allow; with only the Service among the inputs its address stands in for them.
public struct APIServerEndpoints: Sendable {
    /// One address and port of the API server.
    public struct Target: Sendable, Hashable, CustomStringConvertible {
        public let address: IPAddress
        public let port: Int

        public var description: String { "\(address):\(port)" }
    }

    public let targets: [Target]

    public init(_ inventory: Inventory) {
        var targets = Self.slices(inventory) + Self.endpoints(inventory)
        if targets.isEmpty, let service = inventory.object(kind: "Service", namespace: "default", name: "kubernetes"),
           let address = service.root["spec"]?["clusterIP"]?.string.flatMap({ IPAddress($0) }) {
            let ports = (service.root["spec"]?["ports"]?.items ?? []).compactMap { $0["port"]?.int }
            targets = (ports.isEmpty ? [443] : ports).map { Target(address: address, port: $0) }
        }
        var seen: Set<Target> = []
        self.targets = targets.filter { seen.insert($0).inserted }
    }

    private static func slices(_ inventory: Inventory) -> [Target] {
        inventory.objects(ofKind: "EndpointSlice", group: "discovery.k8s.io")
            .filter { $0.namespace == "default" && $0.labels["kubernetes.io/service-name"] == "kubernetes" }
            .flatMap { slice -> [Target] in
                let ports = (slice.root["ports"]?.items ?? []).compactMap { $0["port"]?.int }
                let addresses = (slice.root["endpoints"]?.items ?? []).flatMap { ($0["addresses"]?.items ?? []).compactMap(\.string) }
                return pairs(addresses, ports)
            }
    }

    private static func endpoints(_ inventory: Inventory) -> [Target] {
        guard let object = inventory.object(kind: "Endpoints", namespace: "default", name: "kubernetes") else { return [] }
        return (object.root["subsets"]?.items ?? []).flatMap { subset -> [Target] in
            let ports = (subset["ports"]?.items ?? []).compactMap { $0["port"]?.int }
            return pairs((subset["addresses"]?.items ?? []).compactMap { $0["ip"]?.string }, ports)
        }
    }

    private static func pairs(_ addresses: [String], _ ports: [Int]) -> [Target] {
        addresses.compactMap { IPAddress($0) }.flatMap { address in
            (ports.isEmpty ? [443] : ports).map { Target(address: address, port: $0) }
        }
    }
}

extension NetworkAnalysis {
    /// Whether pod `pod` may open a TCP connection to the API server at one of `targets`: allowed
    /// (with the target) when one is allowed, else unknown when one is undecided, else denied.
    public func apiServerReach(from pod: Int, to targets: [APIServerEndpoints.Target])
        -> (verdict: ConnectionVerdict, target: APIServerEndpoints.Target?) {
        let reach = reachAny(from: .pod(pod), to: targets.map { (.address($0.address), .tcp, $0.port) })
        return (reach.verdict, reach.index.map { targets[$0] })
    }
}
