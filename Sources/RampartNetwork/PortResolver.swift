/// Turns a rule's `ports` into the connections it allows towards one destination.
enum PortResolver {
    /// `ports` empty: every connection. Named ports resolve against `served` (name and protocol).
    static func connections(_ ports: [PortMatcher], served: [ServedPort]) -> ConnectionSet {
        if ports.isEmpty { return .all }
        var result = ConnectionSet.none
        for port in ports {
            switch port {
            case .allPorts(let proto):
                result = result.union(ConnectionSet(proto, [.all]))
            case .range(let proto, let range):
                result = result.union(ConnectionSet(proto, [range]))
            case .named(let proto, let name):
                let numbers = served.filter { $0.name == name && $0.proto == proto }.map { PortRange(from: $0.port, to: $0.port) }
                result = result.union(ConnectionSet(proto, numbers))
            case .otherProtocol, .invalid:
                continue
            }
        }
        return result
    }
}
