import Foundation

/// The tagged JSON notation of CEL values used by the conformance data and `rampart cel eval`:
/// `{"int": "-5"}`, `{"list": [...]}`, `{"map": [[KEY, VALUE], ...]}`, `{"duration": "1.5s"}`, ...
/// Converts between that notation (JSONSerialization objects) and `CELValue`.
public enum CELValueNotation {
    /// A malformed or unsupported tagged value.
    public struct Malformed: Error, CustomStringConvertible {
        public let description: String
    }

    public static func decode(_ json: Any) throws -> CELValue {
        guard let object = json as? [String: Any], object.count == 1, let (tag, payload) = object.first else {
            throw Malformed(description: "a value must be an object with one key, got \(json)")
        }
        func text() throws -> String {
            guard let s = payload as? String else { throw Malformed(description: "\(tag) needs a string") }
            return s
        }
        switch tag {
        case "null": return .null
        case "bool":
            guard let b = payload as? Bool else { throw Malformed(description: "bool needs true or false") }
            return .bool(b)
        case "int":
            guard let i = Int64(try text()) else { throw Malformed(description: "bad int") }
            return .int(i)
        case "uint":
            guard let u = UInt64(try text()) else { throw Malformed(description: "bad uint") }
            return .uint(u)
        case "double":
            let s = try text()
            switch s {
            case "NaN": return .double(.nan)
            case "Infinity": return .double(.infinity)
            case "-Infinity": return .double(-.infinity)
            default:
                guard let d = Double(s) else { throw Malformed(description: "bad double") }
                return .double(d)
            }
        case "string": return .string(try text())
        case "bytes":
            guard let data = Data(base64Encoded: try text()) else { throw Malformed(description: "bad base64") }
            return .bytes(Array(data))
        case "list":
            guard let items = payload as? [Any] else { throw Malformed(description: "list needs an array") }
            return .list(try items.map(decode))
        case "map":
            guard let pairs = payload as? [[Any]] else { throw Malformed(description: "map needs [[key, value], ...]") }
            var map = CELMap()
            for pair in pairs {
                guard pair.count == 2, map.insert(try decode(pair[0]), try decode(pair[1])) else {
                    throw Malformed(description: "bad map entry")
                }
            }
            return .map(map)
        case "type":
            let name = try text()
            guard let type = CELType.named[name] else { throw Malformed(description: "unknown type \(name)") }
            return .type(type.runtimeType)
        case "duration":
            guard let d = TimeSupport.parseDuration(try text()) else { throw Malformed(description: "bad duration") }
            return .duration(d)
        case "timestamp":
            guard let t = TimeSupport.parseTimestamp(try text()) else { throw Malformed(description: "bad timestamp") }
            return .timestamp(t)
        case "optional":
            return .optional(payload is NSNull ? nil : try decode(payload))
        case "ip": return .ip(try KubeIP(try text()))
        case "cidr": return .cidr(try KubeCIDR(try text()))
        case "quantity": return .quantity(try KubeQuantity(try text()))
        case "semver": return .semver(try KubeSemver(try text()))
        default:
            throw Malformed(description: "unsupported value kind '\(tag)'")
        }
    }

    public static func encode(_ value: CELValue) -> Any {
        switch value {
        case .null: return ["null": NSNull()]
        case .bool(let b): return ["bool": b]
        case .int(let i): return ["int": String(i)]
        case .uint(let u): return ["uint": String(u)]
        case .double(let d):
            let text = d.isNaN ? "NaN" : d.isInfinite ? (d < 0 ? "-Infinity" : "Infinity") : "\(d)"
            return ["double": text]
        case .string(let s): return ["string": s]
        case .bytes(let b): return ["bytes": Data(b).base64EncodedString()]
        case .list(let l): return ["list": l.map(encode)]
        case .map(let m): return ["map": m.entries.map { [encode($0.0), encode($0.1)] }]
        case .type(let t): return ["type": t.runtimeName]
        case .duration(let d): return ["duration": TimeSupport.format(d)]
        case .timestamp(let t): return ["timestamp": TimeSupport.format(t)]
        case .optional(let inner): return ["optional": inner.map(encode) ?? NSNull()]
        case .opaque(let o):
            let tag: String
            switch o.celType.runtimeName {
            case "net.IP": tag = "ip"
            case "net.CIDR": tag = "cidr"
            case "kubernetes.Quantity": tag = "quantity"
            case "kubernetes.Semver": tag = "semver"
            default: tag = o.celType.runtimeName
            }
            return [tag: o.description]
        }
    }

    /// An environment from the notation's declarations: `{"name": "x", "ident": TYPE}` and
    /// `{"name": "f", "function": [{"params": [...], "result": T, "member": bool}]}`.
    public static func environment(declarations json: Any, container: String, macros: Bool) throws -> CELEnvironment {
        guard let list = json as? [[String: Any]] else { throw Malformed(description: "declarations must be a list of objects") }
        var environment = CELEnvironment(container: container, macros: macros)
        for declaration in list {
            guard let name = declaration["name"] as? String else { throw Malformed(description: "a declaration needs a name") }
            if let notation = declaration["ident"] as? String {
                guard let type = CELType(notation: notation) else { throw Malformed(description: "bad type \(notation)") }
                environment.variables[name] = type
            } else if let overloads = declaration["function"] as? [[String: Any]] {
                for overload in overloads {
                    let parameters = (overload["params"] as? [String] ?? []).compactMap { CELType(notation: $0) }
                    let result = (overload["result"] as? String).flatMap { CELType(notation: $0) } ?? .dyn
                    environment.functions[name, default: []].append(
                        CELOverload(parameters: parameters, result: result, isMember: overload["member"] as? Bool ?? false))
                }
            }
        }
        return environment
    }
}
