/// Identifies one Kubernetes object: `apiVersion`, `kind`, `namespace` (nil for cluster-scoped
/// objects) and `name`.
public struct ObjectReference: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var apiVersion: String
    public var kind: String
    public var namespace: String?
    public var name: String

    public init(apiVersion: String, kind: String, namespace: String?, name: String) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.namespace = namespace
        self.name = name
    }

    /// The API group of `apiVersion` (empty for the core group).
    public var group: String {
        guard let slash = apiVersion.utf8.firstIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(apiVersion[..<slash])
    }

    public static func < (lhs: ObjectReference, rhs: ObjectReference) -> Bool {
        (lhs.namespace ?? "", lhs.kind, lhs.name, lhs.apiVersion) < (rhs.namespace ?? "", rhs.kind, rhs.name, rhs.apiVersion)
    }

    /// `Kind/namespace/name`, or `Kind/name` for cluster-scoped objects.
    public var description: String {
        if let namespace { return "\(kind)/\(namespace)/\(name)" }
        return "\(kind)/\(name)"
    }

    private enum CodingKeys: String, CodingKey { case apiVersion, kind, namespace, name }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(apiVersion, forKey: .apiVersion)
        try container.encode(kind, forKey: .kind)
        try container.encode(namespace, forKey: .namespace)
        try container.encode(name, forKey: .name)
    }
}

/// Where something came from: a file and a position in it, or (for live objects) no file.
public struct SourceLocation: Sendable, Hashable, Codable, Comparable {
    public var file: String?
    public var line: Int
    public var column: Int

    public init(file: String?, mark: SourceMark) {
        self.file = file
        self.line = mark.line
        self.column = mark.column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file ?? "", lhs.line, lhs.column) < (rhs.file ?? "", rhs.line, rhs.column)
    }

    private enum CodingKeys: String, CodingKey { case file, line, column }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
    }
}
