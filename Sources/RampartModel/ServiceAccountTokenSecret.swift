/// A Secret that holds a long-lived service account token: type `kubernetes.io/service-account-token`,
/// which the token controller fills with a token that never expires.
public struct ServiceAccountTokenSecret: Sendable {
    public static let type = "kubernetes.io/service-account-token"
    /// The annotation such a Secret must carry: the service account the token is for.
    public static let accountAnnotation = "kubernetes.io/service-account.name"

    public let object: KubeObject
    /// The service account named by the annotation, if any.
    public let account: String?
    /// True when the Secret was read without its `type` (live clusters read Secrets metadata-only),
    /// and the annotation tells what it is.
    public let knownByAnnotation: Bool

    /// The Secret as a token Secret, or nil when it is not one.
    public init?(_ object: KubeObject) {
        guard object.kind == "Secret" else { return nil }
        let type = object.root["type"]?.string
        let account = object.annotations[Self.accountAnnotation]
        guard type == Self.type || (type == nil && account != nil) else { return nil }
        self.object = object
        self.account = account
        knownByAnnotation = type == nil
    }

    /// The field that shows what the Secret is: `type`, or the annotation.
    public var path: FieldPath {
        knownByAnnotation ? FieldPath([.key("metadata"), .key("annotations"), .key(Self.accountAnnotation)]) : "type"
    }

    /// `service account 'name'`, as messages say it.
    public var owner: String { account.map { "service account '\($0)'" } ?? "a service account" }
}
