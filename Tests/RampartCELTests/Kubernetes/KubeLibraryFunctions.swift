@testable import RampartCEL

/// The Kubernetes library functions as the test evaluator binds them to the value types: the binding
/// the CEL core makes, in miniature (argument types that have no overload are compile errors).
enum KubeLibraryFunctions {
    typealias Value = KubeLibraryValue
    typealias Failure = KubeLibraryExpression.Failure

    static func global(_ name: String, _ arguments: [Value]) throws -> Value {
        switch (name, arguments.count, arguments.first, arguments.dropFirst().first) {
        case ("ip", 1, .string(let text)?, _): return .ip(try library { () throws(KubeLibraryError) in try KubeIP(text) })
        case ("isIP", 1, .string(let text)?, _): return .bool(KubeIP.isValid(text))
        case ("ip.isCanonical", 1, .string(let text)?, _): return .bool(try library { () throws(KubeLibraryError) in try KubeIP.isCanonical(text) })
        case ("cidr", 1, .string(let text)?, _): return .cidr(try library { () throws(KubeLibraryError) in try KubeCIDR(text) })
        case ("isCIDR", 1, .string(let text)?, _): return .bool(KubeCIDR.isValid(text))
        case ("quantity", 1, .string(let text)?, _): return .quantity(try library { () throws(KubeLibraryError) in try KubeQuantity(text) })
        case ("isQuantity", 1, .string(let text)?, _): return .bool(KubeQuantity.isValid(text))
        case ("sign", 1, .quantity(let quantity)?, _): return .int(quantity.sign)
        case ("semver", 1, .string(let text)?, _): return .semver(try library { () throws(KubeLibraryError) in try KubeSemver(text) })
        case ("semver", 2, .string(let text)?, .bool(let normalize)?):
            return .semver(try library { () throws(KubeLibraryError) in try KubeSemver(text, normalize: normalize) })
        case ("isSemver", 1, .string(let text)?, _): return .bool(KubeSemver.isValid(text))
        case ("isSemver", 2, .string(let text)?, .bool(let normalize)?): return .bool(KubeSemver.isValid(text, normalize: normalize))
        case ("url", 1, .string(let text)?, _): return .url(try library { () throws(KubeLibraryError) in try KubeURL(text) })
        case ("isURL", 1, .string(let text)?, _): return .bool(KubeURL.isValid(text))
        case ("format.named", 1, .string(let text)?, _): return .optional(KubeNamedFormat(named: text).map(Value.format))
        case ("optional.none", 0, _, _): return .optional(nil)
        case ("optional.of", 1, let value?, _): return .optional(value)
        case ("type", 1, let value?, _): return .type(typeName(value))
        case ("string", 1, .ip(let ip)?, _): return .string(ip.description)
        case ("string", 1, .cidr(let cidr)?, _): return .string(cidr.description)
        default:
            if name.hasPrefix("format."), arguments.isEmpty, let format = KubeNamedFormat(named: String(name.dropFirst(7))) {
                return .format(format)
            }
            throw Failure.compile("found no matching overload for '\(name)' applied to '(\(arguments.map(typeName).joined(separator: ", ")))'")
        }
    }

    static func member(_ receiver: Value, _ name: String, _ arguments: [Value]) throws -> Value {
        switch (receiver, name, arguments.count, arguments.first, arguments.dropFirst().first) {
        case (.ip(let ip), "family", 0, _, _): return .int(ip.family.rawValue)
        case (.ip(let ip), "isUnspecified", 0, _, _): return .bool(ip.isUnspecified)
        case (.ip(let ip), "isLoopback", 0, _, _): return .bool(ip.isLoopback)
        case (.ip(let ip), "isLinkLocalMulticast", 0, _, _): return .bool(ip.isLinkLocalMulticast)
        case (.ip(let ip), "isLinkLocalUnicast", 0, _, _): return .bool(ip.isLinkLocalUnicast)
        case (.ip(let ip), "isGlobalUnicast", 0, _, _): return .bool(ip.isGlobalUnicast)
        case (.cidr(let cidr), "containsIP", 1, .ip(let ip)?, _): return .bool(cidr.contains(ip))
        case (.cidr(let cidr), "containsIP", 1, .string(let text)?, _):
            return .bool(try library { () throws(KubeLibraryError) in try cidr.contains(ipText: text) })
        case (.cidr(let cidr), "containsCIDR", 1, .cidr(let other)?, _): return .bool(cidr.contains(other))
        case (.cidr(let cidr), "containsCIDR", 1, .string(let text)?, _):
            return .bool(try library { () throws(KubeLibraryError) in try cidr.contains(cidrText: text) })
        case (.cidr(let cidr), "ip", 0, _, _): return .ip(cidr.ip)
        case (.cidr(let cidr), "masked", 0, _, _): return .cidr(cidr.masked())
        case (.cidr(let cidr), "prefixLength", 0, _, _): return .int(Int64(cidr.prefixLength))
        case (.quantity(let quantity), _, _, _, _): return try quantityMember(quantity, name, arguments)
        case (.semver(let left), "isGreaterThan", 1, .semver(let right)?, _): return .bool(left > right)
        case (.semver(let left), "isLessThan", 1, .semver(let right)?, _): return .bool(left < right)
        case (.semver(let left), "compareTo", 1, .semver(let right)?, _): return .int(left.compare(to: right))
        case (.semver(let version), "major", 0, _, _): return .int(version.major)
        case (.semver(let version), "minor", 0, _, _): return .int(version.minor)
        case (.semver(let version), "patch", 0, _, _): return .int(version.patch)
        case (.url(let url), "getScheme", 0, _, _): return .string(url.scheme)
        case (.url(let url), "getHost", 0, _, _): return .string(url.host)
        case (.url(let url), "getHostname", 0, _, _): return .string(url.hostname)
        case (.url(let url), "getPort", 0, _, _): return .string(url.port)
        case (.url(let url), "getEscapedPath", 0, _, _): return .string(url.escapedPath)
        case (.url(let url), "getQuery", 0, _, _): return .map(url.query.mapValues { .list($0.map(Value.string)) })
        case (.format(let format), "validate", 1, .string(let text)?, _):
            let messages = format.validate(text)
            return .optional(messages.isEmpty ? nil : .list(messages.map(Value.string)))
        case (.optional(let value), "hasValue", 0, _, _): return .bool(value != nil)
        case (.optional(let value), "value", 0, _, _):
            guard let value else { throw Failure.runtime("optional.none() dereference") }
            return value
        default:
            throw Failure.compile("found no matching overload for '\(name)' applied to '\(typeName(receiver))'")
        }
    }

    private static func quantityMember(_ quantity: KubeQuantity, _ name: String, _ arguments: [Value]) throws -> Value {
        switch (name, arguments.count, arguments.first, arguments.dropFirst().first) {
        case ("isGreaterThan", 1, .quantity(let other)?, _): return .bool(quantity > other)
        case ("isLessThan", 1, .quantity(let other)?, _): return .bool(quantity < other)
        case ("compareTo", 1, .quantity(let other)?, _): return .int(quantity.compare(to: other))
        case ("add", 1, .quantity(let other)?, _): return .quantity(try library { () throws(KubeLibraryError) in try quantity.adding(other) })
        case ("add", 1, .int(let value)?, _): return .quantity(try library { () throws(KubeLibraryError) in try quantity.adding(value) })
        case ("sub", 1, .quantity(let other)?, _): return .quantity(try library { () throws(KubeLibraryError) in try quantity.subtracting(other) })
        case ("sub", 1, .int(let value)?, _): return .quantity(try library { () throws(KubeLibraryError) in try quantity.subtracting(value) })
        case ("asInteger", 0, _, _): return .int(try library { () throws(KubeLibraryError) in try quantity.asInteger() })
        case ("isInteger", 0, _, _): return .bool(quantity.isInteger)
        case ("asApproximateFloat", 0, _, _): return .double(quantity.approximateDouble)
        default: throw Failure.compile("found no matching overload for '\(name)' applied to 'kubernetes.Quantity'")
        }
    }

    /// Runs a library call, turning its error into a runtime failure with the library's message.
    private static func library<T>(_ call: () throws(KubeLibraryError) -> T) throws(Failure) -> T {
        do {
            return try call()
        } catch {
            throw Failure.runtime(error.message)
        }
    }

    static func typeName(_ value: Value) -> String {
        switch value {
        case .bool: return "bool"
        case .int: return "int"
        case .double: return "double"
        case .string: return "string"
        case .list: return "list(dyn)"
        case .map: return "map(dyn, dyn)"
        case .ip: return "net.IP"
        case .cidr: return "net.CIDR"
        case .quantity: return "kubernetes.Quantity"
        case .semver: return "kubernetes.Semver"
        case .url: return "kubernetes.URL"
        case .format: return "kubernetes.NamedFormat"
        case .optional: return "optional_type"
        case .type: return "type"
        }
    }
}
