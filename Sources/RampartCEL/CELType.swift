/// A CEL type, as the checker deduces it and as `type(x)` returns it at run time.
///
/// Runtime type values carry no parameters (`type([1])` is `list`, written `.list(.dyn)`);
/// the checker uses the parameters and type variables (`.parameter`).
public indirect enum CELType: Sendable, Hashable, CustomStringConvertible {
    case dyn, null, bool, int, uint, double, string, bytes
    case list(CELType)
    case map(CELType, CELType)
    case timestamp, duration
    /// The type of a type value: `type(int)` is `.type(.int)`; a bare `type` is `.type(nil)`.
    case type(CELType?)
    case optional(CELType)
    /// An abstract (opaque) type such as `net.IP`, `kubernetes.Quantity` or `kubernetes.URL`.
    case opaque(String, [CELType])
    /// A type variable of an overload signature or of the checker (`A`, `_var3`).
    case parameter(String)
    /// The type of an expression the checker rejected.
    case error

    /// The name a type value prints as and compares by (`list`, `google.protobuf.Timestamp`).
    public var runtimeName: String {
        switch self {
        case .dyn: "dyn"
        case .null: "null_type"
        case .bool: "bool"
        case .int: "int"
        case .uint: "uint"
        case .double: "double"
        case .string: "string"
        case .bytes: "bytes"
        case .list: "list"
        case .map: "map"
        case .timestamp: "google.protobuf.Timestamp"
        case .duration: "google.protobuf.Duration"
        case .type: "type"
        case .optional: "optional_type"
        case .opaque(let name, _): name
        case .parameter(let name): name
        case .error: "*error*"
        }
    }

    /// The parameterless form used for runtime type values.
    var runtimeType: CELType {
        switch self {
        case .list: .list(.dyn)
        case .map: .map(.dyn, .dyn)
        case .type: .type(nil)
        case .optional: .optional(.dyn)
        case .opaque(let name, let parameters): .opaque(name, parameters.map { _ in .dyn })
        default: self
        }
    }

    /// CEL type notation: `list(int)`, `map(string, dyn)`, `optional_type(string)`.
    public var description: String {
        switch self {
        case .list(let element): "list(\(element))"
        case .map(let key, let value): "map(\(key), \(value))"
        case .type(let inner): inner.map { "type(\($0))" } ?? "type"
        case .optional(let inner): "optional_type(\(inner))"
        case .opaque(let name, let parameters):
            parameters.isEmpty ? name : "\(name)(\(parameters.map(\.description).joined(separator: ", ")))"
        case .timestamp: "google.protobuf.Timestamp"
        case .duration: "google.protobuf.Duration"
        default: runtimeName
        }
    }

    /// Types named by a plain identifier in expressions (`int`, `list`, `google.protobuf.Duration`).
    static let named: [String: CELType] = [
        "int": .int, "uint": .uint, "double": .double, "bool": .bool, "string": .string, "bytes": .bytes,
        "list": .list(.dyn), "map": .map(.dyn, .dyn), "null_type": .null, "type": .type(nil), "dyn": .dyn,
        "optional_type": .optional(.dyn),
        "google.protobuf.Timestamp": .timestamp, "google.protobuf.Duration": .duration,
        "net.IP": .opaque("net.IP", []), "net.CIDR": .opaque("net.CIDR", []),
        "kubernetes.Quantity": .opaque("kubernetes.Quantity", []), "kubernetes.Semver": .opaque("kubernetes.Semver", []),
        "kubernetes.URL": .opaque("kubernetes.URL", []), "kubernetes.NamedFormat": .opaque("kubernetes.NamedFormat", []),
    ]
}
