import Foundation
@testable import RampartCEL

/// A value of the small expression language the Kubernetes library cases use, with the library
/// types as they are (test support: the real evaluator lives in the CEL core).
indirect enum KubeLibraryValue: Equatable, Sendable, CustomStringConvertible {
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case list([KubeLibraryValue])
    case map([String: KubeLibraryValue])
    case ip(KubeIP)
    case cidr(KubeCIDR)
    case quantity(KubeQuantity)
    case semver(KubeSemver)
    case url(KubeURL)
    case format(KubeNamedFormat)
    case optional(KubeLibraryValue?)
    case type(String)

    /// A value in the conformance JSON's VALUE notation (`{"int": "5"}`, `{"quantity": "12Mi"}`, …).
    init(json: Any) throws {
        guard let object = json as? [String: Any], let (kind, payload) = object.first, object.count == 1 else {
            throw KubeLibraryCaseError("not a VALUE: \(json)")
        }
        switch (kind, payload) {
        case ("bool", let value as Bool): self = .bool(value)
        case ("int", let text as String): self = .int(try Self.number(Int64(text), text))
        case ("double", let text as String): self = .double(try Self.number(Double(text), text))
        case ("string", let text as String): self = .string(text)
        case ("list", let items as [Any]): self = .list(try items.map(KubeLibraryValue.init(json:)))
        case ("map", let entries as [[Any]]):
            var map: [String: KubeLibraryValue] = [:]
            for entry in entries {
                guard entry.count == 2, case .string(let key) = try KubeLibraryValue(json: entry[0]) else {
                    throw KubeLibraryCaseError("unsupported map entry \(entry)")
                }
                map[key] = try KubeLibraryValue(json: entry[1])
            }
            self = .map(map)
        case ("optional", is NSNull): self = .optional(nil)
        case ("optional", let value): self = .optional(try KubeLibraryValue(json: value))
        case ("ip", let text as String): self = .ip(try KubeIP(text))
        case ("cidr", let text as String): self = .cidr(try KubeCIDR(text))
        case ("quantity", let text as String): self = .quantity(try KubeQuantity(text))
        case ("semver", let text as String): self = .semver(try KubeSemver(text))
        default: throw KubeLibraryCaseError("unsupported VALUE \(kind)")
        }
    }

    private static func number<T>(_ value: T?, _ text: String) throws -> T {
        guard let value else { throw KubeLibraryCaseError("bad number \(text)") }
        return value
    }

    var description: String {
        switch self {
        case .bool(let value): return String(value)
        case .int(let value): return String(value)
        case .double(let value): return String(value)
        case .string(let value): return "\"" + value + "\""
        case .list(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .map(let map): return "{" + map.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        case .ip(let value): return "ip(\(value))"
        case .cidr(let value): return "cidr(\(value))"
        case .quantity(let value): return "quantity(\(value))"
        case .semver(let value): return "semver(\(value))"
        case .url(let value): return "url(\(value))"
        case .format(let value): return "format.\(value)()"
        case .optional(let value): return value.map { "optional.of(\($0))" } ?? "optional.none()"
        case .type(let name): return name
        }
    }
}

/// A malformed case or an expression outside what the test evaluator understands.
struct KubeLibraryCaseError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
