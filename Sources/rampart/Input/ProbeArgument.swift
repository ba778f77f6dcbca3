import ArgumentParser
import RampartNetwork
import RampartReport

/// A probe on the command line: `TCP/80`, `80/TCP`, or `80` for TCP.
extension NetworkProbe: ExpressibleByArgument {
    public init?(argument: String) {
        let parts = argument.split(separator: "/").map(String.init)
        let protoText = parts.first { Int($0) == nil } ?? "TCP"
        guard (1...2).contains(parts.count), let portText = parts.first(where: { Int($0) != nil }),
              let port = Int(portText), (1...65535).contains(port),
              let proto = NetworkProtocol(name: protoText) else { return nil }
        self.init(proto: proto, port: port)
    }
}
