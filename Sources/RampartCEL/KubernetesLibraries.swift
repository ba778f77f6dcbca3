/// Kubernetes CEL libraries: regex (find, findAll), URLs, quantity, IP, CIDR, format, semver.
enum KubernetesLibraries {
    static func register(_ r: inout FunctionRegistry) {
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
}

/// The named formats of `format.<name>()` and `format.named(name)`.
enum NamedFormats {
    static let names = [
        "dns1123Label", "dns1123Subdomain", "dns1035Label", "qualifiedName", "dns1123LabelPrefix",
        "dns1123SubdomainPrefix", "dns1035LabelPrefix", "labelValue", "uri", "uuid", "byte", "date", "datetime",
    ]
}
