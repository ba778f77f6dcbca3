/// Kubernetes CEL libraries: regex (find, findAll), URLs, quantity, IP, CIDR, format, semver, bound to
/// the value types under Kubernetes/.
enum KubernetesLibraries {
    static func register(_ r: inout FunctionRegistry) {
        registerRegex(&r)
        registerURLs(&r)
        registerQuantity(&r)
        registerNetwork(&r)
        registerFormats(&r)
        registerSemver(&r)
    }

    /// Runs a library call, turning its error into an evaluation error.
    private static func library<T>(_ body: () throws(KubeLibraryError) -> T) throws(CELEvaluationError) -> T {
        do {
            return try body()
        } catch {
            throw CELEvaluationError(error.message)
        }
    }

    private static func string(_ v: CELValue, _ function: String) throws(CELEvaluationError) -> String {
        guard case .string(let s) = v else { throw .noSuchOverload(function) }
        return s
    }

    private static func value<T: Hashable & Sendable & CustomStringConvertible>(_ v: CELValue, _ type: T.Type, _ function: String) throws(CELEvaluationError) -> T {
        guard let wrapped = v.kubernetesValue(type) else { throw .noSuchOverload(function) }
        return wrapped
    }

    private static func registerRegex(_ r: inout FunctionRegistry) {
        r.member("find") { (s, p) throws(CELEvaluationError) in
            let (text, pattern) = try StandardLibrary.strings(s, p, "find")
            return .string(try RegexSupport.compile(pattern).find(text))
        }
        r.member("findAll") { (s, p) throws(CELEvaluationError) in
            let (text, pattern) = try StandardLibrary.strings(s, p, "findAll")
            return .list(try RegexSupport.compile(pattern).findAll(text, limit: -1).map { .string($0) })
        }
        r.member("findAll", arity: 3) { (a) throws(CELEvaluationError) in
            let (text, pattern) = try StandardLibrary.strings(a[0], a[1], "findAll")
            guard case .int(let limit) = a[2] else { throw .noSuchOverload("findAll") }
            return .list(try RegexSupport.compile(pattern).findAll(text, limit: Int(clamping: limit)).map { .string($0) })
        }
    }

    private static func registerURLs(_ r: inout FunctionRegistry) {
        r.global("url") { (s) throws(CELEvaluationError) in
            let text = try string(s, "url")
            return .url(try library { () throws(KubeLibraryError) in try KubeURL(text) })
        }
        r.global("isURL") { (s) throws(CELEvaluationError) in .bool(KubeURL.isValid(try string(s, "isURL"))) }
        r.global("jsonpatch.escapeKey") { (s) throws(CELEvaluationError) in
            let key = try string(s, "jsonpatch.escapeKey")
            return .string(key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1"))
        }
        let parts: [(String, @Sendable (KubeURL) -> String)] = [
            ("getScheme", \.scheme), ("getHost", \.host), ("getHostname", \.hostname), ("getPort", \.port),
            ("getEscapedPath", \.escapedPath),
        ]
        for (name, part) in parts {
            r.member(name) { (u) throws(CELEvaluationError) in .string(part(try value(u, KubeURL.self, name))) }
        }
        r.member("getQuery") { (u) throws(CELEvaluationError) in
            let query = try value(u, KubeURL.self, "getQuery").query
            return .map(CELMap(stringKeys: query.keys.sorted().map { ($0, .list((query[$0] ?? []).map { .string($0) })) }))
        }
    }

    private static func registerQuantity(_ r: inout FunctionRegistry) {
        r.global("quantity") { (s) throws(CELEvaluationError) in
            let text = try string(s, "quantity")
            return .quantity(try library { () throws(KubeLibraryError) in try KubeQuantity(text) })
        }
        r.global("isQuantity") { (s) throws(CELEvaluationError) in .bool(KubeQuantity.isValid(try string(s, "isQuantity"))) }
        r.member("sign") { (q) throws(CELEvaluationError) in .int(try value(q, KubeQuantity.self, "sign").sign) }
        r.member("isInteger") { (q) throws(CELEvaluationError) in .bool(try value(q, KubeQuantity.self, "isInteger").isInteger) }
        r.member("asInteger") { (q) throws(CELEvaluationError) in
            let quantity = try value(q, KubeQuantity.self, "asInteger")
            return .int(try library { () throws(KubeLibraryError) in try quantity.asInteger() })
        }
        r.member("asApproximateFloat") { (q) throws(CELEvaluationError) in
            .double(try value(q, KubeQuantity.self, "asApproximateFloat").approximateDouble)
        }
        for (name, isAdd) in [("add", true), ("sub", false)] {
            r.member(name) { (q, other) throws(CELEvaluationError) in
                let quantity = try value(q, KubeQuantity.self, name)
                if case .int(let n) = other {
                    return .quantity(try library { () throws(KubeLibraryError) in
                        try isAdd ? quantity.adding(n) : quantity.subtracting(n)
                    })
                }
                let operand = try value(other, KubeQuantity.self, name)
                return .quantity(try library { () throws(KubeLibraryError) in
                    try isAdd ? quantity.adding(operand) : quantity.subtracting(operand)
                })
            }
        }
        registerComparisons(&r, KubeQuantity.self)
    }

    /// `isGreaterThan`, `isLessThan` and `compareTo` of quantities or semvers.
    private static func registerComparisons<T: Comparable & Hashable & Sendable & CustomStringConvertible>(_ r: inout FunctionRegistry, _ type: T.Type) {
        func compared(_ name: String, _ f: @escaping @Sendable (T, T) -> CELValue) -> @Sendable (CELValue, CELValue) throws(CELEvaluationError) -> CELValue {
            { (a, b) throws(CELEvaluationError) in f(try value(a, T.self, name), try value(b, T.self, name)) }
        }
        r.member("isGreaterThan", compared("isGreaterThan") { .bool($0 > $1) })
        r.member("isLessThan", compared("isLessThan") { .bool($0 < $1) })
        r.member("compareTo", compared("compareTo") { .int($0 < $1 ? -1 : $0 > $1 ? 1 : 0) })
    }

    private static func registerNetwork(_ r: inout FunctionRegistry) {
        r.global("ip") { (s) throws(CELEvaluationError) in
            let text = try string(s, "ip")
            return .ip(try library { () throws(KubeLibraryError) in try KubeIP(text) })
        }
        r.global("isIP") { (s) throws(CELEvaluationError) in .bool(KubeIP.isValid(try string(s, "isIP"))) }
        r.global("ip.isCanonical") { (s) throws(CELEvaluationError) in
            let text = try string(s, "ip.isCanonical")
            return .bool(try library { () throws(KubeLibraryError) in try KubeIP.isCanonical(text) })
        }
        r.member("family") { (v) throws(CELEvaluationError) in .int(try value(v, KubeIP.self, "family").family.rawValue) }
        let predicates: [(String, @Sendable (KubeIP) -> Bool)] = [
            ("isUnspecified", \.isUnspecified), ("isLoopback", \.isLoopback), ("isLinkLocalMulticast", \.isLinkLocalMulticast),
            ("isLinkLocalUnicast", \.isLinkLocalUnicast), ("isGlobalUnicast", \.isGlobalUnicast),
        ]
        for (name, predicate) in predicates {
            r.member(name) { (v) throws(CELEvaluationError) in .bool(predicate(try value(v, KubeIP.self, name))) }
        }
        r.global("cidr") { (s) throws(CELEvaluationError) in
            let text = try string(s, "cidr")
            return .cidr(try library { () throws(KubeLibraryError) in try KubeCIDR(text) })
        }
        r.global("isCIDR") { (s) throws(CELEvaluationError) in .bool(KubeCIDR.isValid(try string(s, "isCIDR"))) }
        r.member("containsIP") { (c, x) throws(CELEvaluationError) in
            let range = try value(c, KubeCIDR.self, "containsIP")
            if case .string(let text) = x { return .bool(try library { () throws(KubeLibraryError) in try range.contains(ipText: text) }) }
            return .bool(range.contains(try value(x, KubeIP.self, "containsIP")))
        }
        r.member("containsCIDR") { (c, x) throws(CELEvaluationError) in
            let range = try value(c, KubeCIDR.self, "containsCIDR")
            if case .string(let text) = x { return .bool(try library { () throws(KubeLibraryError) in try range.contains(cidrText: text) }) }
            return .bool(range.contains(try value(x, KubeCIDR.self, "containsCIDR")))
        }
        r.member("ip") { (c) throws(CELEvaluationError) in .ip(try value(c, KubeCIDR.self, "ip").ip) }
        r.member("masked") { (c) throws(CELEvaluationError) in .cidr(try value(c, KubeCIDR.self, "masked").masked()) }
        r.member("prefixLength") { (c) throws(CELEvaluationError) in .int(Int64(try value(c, KubeCIDR.self, "prefixLength").prefixLength)) }
    }

    private static func registerFormats(_ r: inout FunctionRegistry) {
        for format in KubeNamedFormat.allCases {
            r.global("format.\(format.rawValue)", arity: 0) { (_) throws(CELEvaluationError) in .namedFormat(format) }
        }
        r.global("format.named") { (s) throws(CELEvaluationError) in
            .optional(KubeNamedFormat(named: try string(s, "format.named")).map { .namedFormat($0) })
        }
        r.member("validate") { (f, s) throws(CELEvaluationError) in
            let messages = try value(f, KubeNamedFormat.self, "validate").validate(try string(s, "validate"))
            return .optional(messages.isEmpty ? nil : .list(messages.map { .string($0) }))
        }
    }

    private static func registerSemver(_ r: inout FunctionRegistry) {
        r.global("semver") { (s) throws(CELEvaluationError) in
            let text = try string(s, "semver")
            return .semver(try library { () throws(KubeLibraryError) in try KubeSemver(text) })
        }
        r.global("semver") { (s, n) throws(CELEvaluationError) in
            let text = try string(s, "semver")
            guard case .bool(let normalize) = n else { throw .noSuchOverload("semver") }
            return .semver(try library { () throws(KubeLibraryError) in try KubeSemver(text, normalize: normalize) })
        }
        r.global("isSemver") { (s) throws(CELEvaluationError) in .bool(KubeSemver.isValid(try string(s, "isSemver"))) }
        r.global("isSemver") { (s, n) throws(CELEvaluationError) in
            guard case .bool(let normalize) = n else { throw .noSuchOverload("isSemver") }
            return .bool(KubeSemver.isValid(try string(s, "isSemver"), normalize: normalize))
        }
        r.member("major") { (v) throws(CELEvaluationError) in .int(try value(v, KubeSemver.self, "major").major) }
        r.member("minor") { (v) throws(CELEvaluationError) in .int(try value(v, KubeSemver.self, "minor").minor) }
        r.member("patch") { (v) throws(CELEvaluationError) in .int(try value(v, KubeSemver.self, "patch").patch) }
        registerComparisons(&r, KubeSemver.self)
    }
}

/// The named formats of `format.<name>()` and `format.named(name)`.
enum NamedFormats {
    static var names: [String] { KubeNamedFormat.allCases.map(\.rawValue) }
}
