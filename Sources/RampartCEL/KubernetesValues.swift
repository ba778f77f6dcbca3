/// A Kubernetes library value (IP, CIDR, Quantity, Semver, URL, named format) as a CEL opaque value.
final class KubernetesValue<Wrapped: Hashable & Sendable & CustomStringConvertible>: CELOpaqueValue {
    let value: Wrapped
    let celType: CELType

    init(_ value: Wrapped, typeName: String) {
        self.value = value
        self.celType = .opaque(typeName, [])
    }

    func isEqual(to other: any CELOpaqueValue) -> Bool {
        (other as? KubernetesValue<Wrapped>)?.value == value
    }

    var description: String { value.description }
}

extension CELValue {
    /// `ip("…")` as a CEL value.
    public static func ip(_ value: KubeIP) -> CELValue { .opaque(KubernetesValue(value, typeName: "net.IP")) }
    /// `cidr("…")` as a CEL value.
    public static func cidr(_ value: KubeCIDR) -> CELValue { .opaque(KubernetesValue(value, typeName: "net.CIDR")) }
    /// `quantity("…")` as a CEL value.
    public static func quantity(_ value: KubeQuantity) -> CELValue { .opaque(KubernetesValue(value, typeName: "kubernetes.Quantity")) }
    /// `semver("…")` as a CEL value.
    public static func semver(_ value: KubeSemver) -> CELValue { .opaque(KubernetesValue(value, typeName: "kubernetes.Semver")) }
    static func url(_ value: KubeURL) -> CELValue { .opaque(KubernetesValue(value, typeName: "kubernetes.URL")) }
    static func namedFormat(_ value: KubeNamedFormat) -> CELValue { .opaque(KubernetesValue(value, typeName: "kubernetes.NamedFormat")) }

    /// The wrapped library value when this is one of type `T`.
    public func kubernetesValue<T: Hashable & Sendable & CustomStringConvertible>(_ type: T.Type) -> T? {
        guard case .opaque(let o) = self else { return nil }
        return (o as? KubernetesValue<T>)?.value
    }
}
