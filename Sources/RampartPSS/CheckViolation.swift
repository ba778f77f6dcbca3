import RampartModel

/// One failed Pod Security check: the upstream check ID, the short reason and the detail that
/// names the containers and fields, as the Pod Security admission reports them
/// (`privileged` / `container "app" must not set securityContext.privileged=true`).
public struct CheckViolation: Sendable, Hashable {
    /// The upstream check ID (`privileged`, `hostNamespaces`, `runAsNonRoot`, …).
    public var check: String
    /// The level the check belongs to (baseline checks also apply at restricted).
    public var level: PolicyLevel
    /// The succinct reason (`host namespaces`, `non-default capabilities`, …).
    public var reason: String
    /// The values and containers at fault.
    public var detail: String
    /// The offending fields, relative to the pod (`spec.containers[0].securityContext.privileged`,
    /// `metadata.annotations[…]`); for a workload, prefix the path of its pod template.
    public var fields: [FieldPath]

    public init(check: String, level: PolicyLevel, reason: String, detail: String, fields: [FieldPath]) {
        self.check = check
        self.level = level
        self.reason = reason
        self.detail = detail
        self.fields = fields
    }
}
