/// The transport protocols NetworkPolicy knows.
public enum NetworkProtocol: String, Sendable, Hashable, Comparable, CaseIterable, Codable {
    case tcp = "TCP", udp = "UDP", sctp = "SCTP"

    /// Parses a protocol name, case-insensitively.
    public init?(name: String) {
        self.init(rawValue: name.uppercased())
    }

    var order: Int {
        switch self {
        case .tcp: 0
        case .udp: 1
        case .sctp: 2
        }
    }

    public static func < (lhs: NetworkProtocol, rhs: NetworkProtocol) -> Bool { lhs.order < rhs.order }
}

/// A closed range of port numbers.
public struct PortRange: Sendable, Hashable, Comparable, Codable {
    public let from: Int
    public let to: Int

    public init(from: Int, to: Int) {
        self.from = from
        self.to = to
    }

    /// Every port, 1 to 65535.
    public static let all = PortRange(from: 1, to: 65535)

    public static func < (lhs: PortRange, rhs: PortRange) -> Bool { (lhs.from, lhs.to) < (rhs.from, rhs.to) }
}

/// A set of (protocol, port) pairs: for each protocol, sorted disjoint non-adjacent port ranges.
public struct ConnectionSet: Sendable, Hashable {
    private var tcp: [PortRange]
    private var udp: [PortRange]
    private var sctp: [PortRange]

    private init(tcp: [PortRange], udp: [PortRange], sctp: [PortRange]) {
        self.tcp = tcp
        self.udp = udp
        self.sctp = sctp
    }

    /// No connection at all.
    public static let none = ConnectionSet(tcp: [], udp: [], sctp: [])
    /// Every port of every protocol.
    public static let all = ConnectionSet(tcp: [.all], udp: [.all], sctp: [.all])

    /// The given ranges of one protocol.
    public init(_ proto: NetworkProtocol, _ ranges: [PortRange]) {
        self = .none
        self[proto] = Self.merged(ranges)
    }

    /// The ranges of one protocol.
    public private(set) subscript(proto: NetworkProtocol) -> [PortRange] {
        get {
            switch proto {
            case .tcp: tcp
            case .udp: udp
            case .sctp: sctp
            }
        }
        set {
            switch proto {
            case .tcp: tcp = newValue
            case .udp: udp = newValue
            case .sctp: sctp = newValue
            }
        }
    }

    public var isEmpty: Bool { tcp.isEmpty && udp.isEmpty && sctp.isEmpty }
    public var isAll: Bool { Self.isEveryPort(tcp) && Self.isEveryPort(udp) && Self.isEveryPort(sctp) }

    private static func isEveryPort(_ ranges: [PortRange]) -> Bool { ranges.count == 1 && ranges[0] == .all }

    public func contains(_ proto: NetworkProtocol, _ port: Int) -> Bool {
        self[proto].contains { $0.from <= port && port <= $0.to }
    }

    public func union(_ other: ConnectionSet) -> ConnectionSet {
        if isAll || other.isEmpty { return self }
        if other.isAll || isEmpty { return other }
        var result = ConnectionSet.none
        for proto in NetworkProtocol.allCases {
            result[proto] = Self.merged(self[proto] + other[proto])
        }
        return result
    }

    public func intersection(_ other: ConnectionSet) -> ConnectionSet {
        if isAll || other.isEmpty { return other }
        if other.isAll || isEmpty { return self }
        var result = ConnectionSet.none
        for proto in NetworkProtocol.allCases {
            var ranges: [PortRange] = []
            for a in self[proto] {
                for b in other[proto] where max(a.from, b.from) <= min(a.to, b.to) {
                    ranges.append(PortRange(from: max(a.from, b.from), to: min(a.to, b.to)))
                }
            }
            result[proto] = Self.merged(ranges)
        }
        return result
    }

    /// The connections of `self` that are not in `other`.
    public func subtracting(_ other: ConnectionSet) -> ConnectionSet {
        if other.isEmpty || isEmpty { return self }
        if other.isAll { return .none }
        var result = ConnectionSet.none
        for proto in NetworkProtocol.allCases {
            var ranges: [PortRange] = []
            for range in self[proto] {
                var start = range.from
                for cut in other[proto] where cut.to >= start && cut.from <= range.to {
                    if cut.from > start { ranges.append(PortRange(from: start, to: cut.from - 1)) }
                    start = cut.to + 1
                }
                if start <= range.to { ranges.append(PortRange(from: start, to: range.to)) }
            }
            result[proto] = ranges
        }
        return result
    }

    /// Protocols that have ports, with their ranges, in protocol order.
    public var byProtocol: [(proto: NetworkProtocol, ranges: [PortRange])] {
        NetworkProtocol.allCases.compactMap { self[$0].isEmpty ? nil : ($0, self[$0]) }
    }

    /// `All Connections`, or `TCP 80,8080-8090,UDP 53` as np-guard writes it.
    public var text: String {
        if isAll { return "All Connections" }
        if isEmpty { return "No Connections" }
        return byProtocol.map { entry in
            "\(entry.proto.rawValue) " + entry.ranges.map { $0.from == $0.to ? "\($0.from)" : "\($0.from)-\($0.to)" }
                .joined(separator: ",")
        }.joined(separator: ",")
    }

    private static func merged(_ ranges: [PortRange]) -> [PortRange] {
        var merged: [PortRange] = []
        for range in ranges.sorted() where range.from <= range.to {
            if let previous = merged.last, range.from <= previous.to + 1 {
                merged[merged.count - 1] = PortRange(from: previous.from, to: max(previous.to, range.to))
            } else {
                merged.append(range)
            }
        }
        return merged
    }
}
