/// One signature of a function, as the checker sees it. A member overload's first parameter is its receiver.
public struct CELOverload: Sendable {
    public let parameters: [CELType]
    public let result: CELType
    public let isMember: Bool

    public init(parameters: [CELType], result: CELType, isMember: Bool) {
        self.parameters = parameters
        self.result = result
        self.isMember = isMember
    }
}

/// The signatures of every function of the Kubernetes CEL environment, by function name.
///
/// Written in a small notation, one overload a line: `f(T, U) -> R` for a global function and
/// `T::f(U) -> R` for a member function (receiver type, `::`, name). Capital letters are type parameters.
enum FunctionDeclarations {
    static let all: [String: [CELOverload]] = {
        var table: [String: [CELOverload]] = [:]
        for text in [standard, strings, lists, kubernetes, authorization] {
            for line in text.split(separator: "\n") where !line.isEmpty && !line.hasPrefix("#") {
                guard let (name, overload) = parse(String(line)) else {
                    assertionFailure("bad declaration \(line)")
                    continue
                }
                table[name, default: []].append(overload)
            }
        }
        return table
    }()

    private static func parse(_ line: String) -> (String, CELOverload)? {
        let memberMark = line.range(of: "::")
        guard let arrow = line.range(of: " -> "),
              let open = line[(memberMark?.upperBound ?? line.startIndex)...].firstIndex(of: "("),
              let result = CELType(notation: String(line[arrow.upperBound...])) else { return nil }
        let head = line[..<open]
        let inner = line[line.index(after: open)..<line.index(before: arrow.lowerBound)]
        var parameters = splitTypes(String(inner)).compactMap { CELType(notation: $0) }
        var name = String(head)
        var member = false
        if let memberMark {  // "Receiver::name(...)"
            guard let receiver = CELType(notation: String(line[..<memberMark.lowerBound])) else { return nil }
            parameters.insert(receiver, at: 0)
            name = String(line[memberMark.upperBound..<open])
            member = true
        }
        return (name, CELOverload(parameters: parameters, result: result, isMember: member))
    }

    /// Splits `list(int), map(K, V)` at top-level commas.
    private static func splitTypes(_ text: String) -> [String] {
        var parts: [String] = [], current = "", depth = 0
        for c in text {
            if c == "(" { depth += 1 }
            if c == ")" { depth -= 1 }
            if c == "," && depth == 0 {
                parts.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        if !current.trimmingSpaces.isEmpty { parts.append(current) }
        return parts
    }

    static let standard = """
    !_(bool) -> bool
    -_(int) -> int
    -_(double) -> double
    _&&_(bool, bool) -> bool
    _||_(bool, bool) -> bool
    _?_:_(bool, A, A) -> A
    @not_strictly_false(bool) -> bool
    @mapInsert(map(K, V), K, V) -> map(K, V)
    @mapInsert(map(K, V), map(K, V)) -> map(K, V)
    _==_(A, A) -> bool
    _!=_(A, A) -> bool
    @in(A, list(A)) -> bool
    @in(A, map(A, B)) -> bool
    _[_](list(A), int) -> A
    _[_](map(K, V), K) -> V
    _[_](optional_type(list(A)), int) -> optional_type(A)
    _[_](optional_type(map(K, V)), K) -> optional_type(V)
    _[?_](list(A), int) -> optional_type(A)
    _[?_](map(K, V), K) -> optional_type(V)
    _[?_](optional_type(list(A)), int) -> optional_type(A)
    _[?_](optional_type(map(K, V)), K) -> optional_type(V)
    _+_(int, int) -> int
    _+_(uint, uint) -> uint
    _+_(double, double) -> double
    _+_(string, string) -> string
    _+_(bytes, bytes) -> bytes
    _+_(list(A), list(A)) -> list(A)
    _+_(google.protobuf.Timestamp, google.protobuf.Duration) -> google.protobuf.Timestamp
    _+_(google.protobuf.Duration, google.protobuf.Timestamp) -> google.protobuf.Timestamp
    _+_(google.protobuf.Duration, google.protobuf.Duration) -> google.protobuf.Duration
    _-_(int, int) -> int
    _-_(uint, uint) -> uint
    _-_(double, double) -> double
    _-_(google.protobuf.Timestamp, google.protobuf.Timestamp) -> google.protobuf.Duration
    _-_(google.protobuf.Timestamp, google.protobuf.Duration) -> google.protobuf.Timestamp
    _-_(google.protobuf.Duration, google.protobuf.Duration) -> google.protobuf.Duration
    _*_(int, int) -> int
    _*_(uint, uint) -> uint
    _*_(double, double) -> double
    _/_(int, int) -> int
    _/_(uint, uint) -> uint
    _/_(double, double) -> double
    _%_(int, int) -> int
    _%_(uint, uint) -> uint
    size(string) -> int
    size(bytes) -> int
    size(list(A)) -> int
    size(map(K, V)) -> int
    string::size() -> int
    bytes::size() -> int
    list(A)::size() -> int
    map(K, V)::size() -> int
    string::contains(string) -> bool
    string::startsWith(string) -> bool
    string::endsWith(string) -> bool
    string::matches(string) -> bool
    matches(string, string) -> bool
    int(int) -> int
    int(uint) -> int
    int(double) -> int
    int(string) -> int
    int(google.protobuf.Timestamp) -> int
    uint(uint) -> uint
    uint(int) -> uint
    uint(double) -> uint
    uint(string) -> uint
    double(double) -> double
    double(int) -> double
    double(uint) -> double
    double(string) -> double
    string(string) -> string
    string(int) -> string
    string(uint) -> string
    string(double) -> string
    string(bool) -> string
    string(bytes) -> string
    string(google.protobuf.Timestamp) -> string
    string(google.protobuf.Duration) -> string
    bytes(bytes) -> bytes
    bytes(string) -> bytes
    bool(bool) -> bool
    bool(string) -> bool
    timestamp(google.protobuf.Timestamp) -> google.protobuf.Timestamp
    timestamp(string) -> google.protobuf.Timestamp
    timestamp(int) -> google.protobuf.Timestamp
    duration(google.protobuf.Duration) -> google.protobuf.Duration
    duration(string) -> google.protobuf.Duration
    dyn(A) -> dyn
    type(A) -> type(A)
    optional.of(A) -> optional_type(A)
    optional.ofNonZeroValue(A) -> optional_type(A)
    optional.none() -> optional_type(A)
    optional_type(A)::hasValue() -> bool
    optional_type(A)::value() -> A
    optional_type(A)::or(optional_type(A)) -> optional_type(A)
    optional_type(A)::orValue(A) -> A
    """ + comparisons + timeAccessors

    private static var comparisons: String {
        let same = ["int", "uint", "double", "string", "bytes", "bool", "google.protobuf.Timestamp", "google.protobuf.Duration"]
        let numeric = ["int", "uint", "double"]
        var lines: [String] = []
        for op in ["_<_", "_<=_", "_>_", "_>=_"] {
            for t in same { lines.append("\(op)(\(t), \(t)) -> bool") }
            for a in numeric { for b in numeric where a != b { lines.append("\(op)(\(a), \(b)) -> bool") } }
        }
        return "\n" + lines.joined(separator: "\n")
    }

    private static var timeAccessors: String {
        var lines: [String] = []
        for f in ["getFullYear", "getMonth", "getDate", "getDayOfMonth", "getDayOfWeek", "getDayOfYear",
                  "getHours", "getMinutes", "getSeconds", "getMilliseconds"] {
            lines.append("google.protobuf.Timestamp::\(f)() -> int")
            lines.append("google.protobuf.Timestamp::\(f)(string) -> int")
        }
        for f in ["getHours", "getMinutes", "getSeconds", "getMilliseconds"] {
            lines.append("google.protobuf.Duration::\(f)() -> int")
        }
        return "\n" + lines.joined(separator: "\n")
    }

    /// cel-go strings extension, version 2.
    static let strings = """
    string::charAt(int) -> string
    string::indexOf(string) -> int
    string::indexOf(string, int) -> int
    string::lastIndexOf(string) -> int
    string::lastIndexOf(string, int) -> int
    string::lowerAscii() -> string
    string::upperAscii() -> string
    string::replace(string, string) -> string
    string::replace(string, string, int) -> string
    string::split(string) -> list(string)
    string::split(string, int) -> list(string)
    string::substring(int) -> string
    string::substring(int, int) -> string
    string::trim() -> string
    list(string)::join() -> string
    list(string)::join(string) -> string
    strings.quote(string) -> string
    string::format(list(dyn)) -> string
    """

    /// Kubernetes lists library, cel-go lists extension version 3, cel-go sets extension.
    static var lists: String {
        var lines: [String] = []
        let comparable = ["int", "uint", "double", "bool", "string", "bytes", "google.protobuf.Duration", "google.protobuf.Timestamp"]
        for t in comparable {
            lines.append("list(\(t))::isSorted() -> bool")
            lines.append("list(\(t))::min() -> \(t)")
            lines.append("list(\(t))::max() -> \(t)")
            lines.append("list(\(t))::sort() -> list(\(t))")
        }
        for t in ["int", "uint", "double", "google.protobuf.Duration"] { lines.append("list(\(t))::sum() -> \(t)") }
        lines += [
            "list(A)::indexOf(A) -> int", "list(A)::lastIndexOf(A) -> int",
            "list(A)::slice(int, int) -> list(A)", "list(list(A))::flatten() -> list(A)", "list(A)::flatten(int) -> list(dyn)",
            "list(A)::distinct() -> list(A)", "list(A)::reverse() -> list(A)", "lists.range(int) -> list(int)",
            "list(A)::first() -> optional_type(A)", "list(A)::last() -> optional_type(A)",
            "@sortByAssociatedKeys(list(A), list(B)) -> list(A)",
            "sets.contains(list(A), list(A)) -> bool", "sets.equivalent(list(A), list(A)) -> bool",
            "sets.intersects(list(A), list(A)) -> bool",
        ]
        return lines.joined(separator: "\n")
    }

    /// Kubernetes regex, URL, quantity, IP, CIDR, format and semver libraries.
    static let kubernetes = """
    string::find(string) -> string
    string::findAll(string) -> list(string)
    string::findAll(string, int) -> list(string)
    url(string) -> kubernetes.URL
    isURL(string) -> bool
    jsonpatch.escapeKey(string) -> string
    kubernetes.URL::getScheme() -> string
    kubernetes.URL::getHost() -> string
    kubernetes.URL::getHostname() -> string
    kubernetes.URL::getPort() -> string
    kubernetes.URL::getEscapedPath() -> string
    kubernetes.URL::getQuery() -> map(string, list(string))
    quantity(string) -> kubernetes.Quantity
    isQuantity(string) -> bool
    kubernetes.Quantity::sign() -> int
    kubernetes.Quantity::isInteger() -> bool
    kubernetes.Quantity::asInteger() -> int
    kubernetes.Quantity::asApproximateFloat() -> double
    kubernetes.Quantity::add(kubernetes.Quantity) -> kubernetes.Quantity
    kubernetes.Quantity::add(int) -> kubernetes.Quantity
    kubernetes.Quantity::sub(kubernetes.Quantity) -> kubernetes.Quantity
    kubernetes.Quantity::sub(int) -> kubernetes.Quantity
    kubernetes.Quantity::isGreaterThan(kubernetes.Quantity) -> bool
    kubernetes.Quantity::isLessThan(kubernetes.Quantity) -> bool
    kubernetes.Quantity::compareTo(kubernetes.Quantity) -> int
    ip(string) -> net.IP
    isIP(string) -> bool
    ip.isCanonical(string) -> bool
    net.IP::family() -> int
    net.IP::isUnspecified() -> bool
    net.IP::isLoopback() -> bool
    net.IP::isLinkLocalMulticast() -> bool
    net.IP::isLinkLocalUnicast() -> bool
    net.IP::isGlobalUnicast() -> bool
    string(net.IP) -> string
    cidr(string) -> net.CIDR
    isCIDR(string) -> bool
    net.CIDR::containsIP(string) -> bool
    net.CIDR::containsIP(net.IP) -> bool
    net.CIDR::containsCIDR(string) -> bool
    net.CIDR::containsCIDR(net.CIDR) -> bool
    net.CIDR::ip() -> net.IP
    net.CIDR::masked() -> net.CIDR
    net.CIDR::prefixLength() -> int
    string(net.CIDR) -> string
    format.named(string) -> optional_type(kubernetes.NamedFormat)
    kubernetes.NamedFormat::validate(string) -> optional_type(list(string))
    semver(string) -> kubernetes.Semver
    semver(string, bool) -> kubernetes.Semver
    isSemver(string) -> bool
    isSemver(string, bool) -> bool
    kubernetes.Semver::major() -> int
    kubernetes.Semver::minor() -> int
    kubernetes.Semver::patch() -> int
    kubernetes.Semver::isGreaterThan(kubernetes.Semver) -> bool
    kubernetes.Semver::isLessThan(kubernetes.Semver) -> bool
    kubernetes.Semver::compareTo(kubernetes.Semver) -> int
    """ + "\n" + NamedFormats.names.map { "format.\($0)() -> kubernetes.NamedFormat" }.joined(separator: "\n")
}

extension String {
    var trimmingSpaces: Substring {
        var s = self[...]
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return s
    }
}
