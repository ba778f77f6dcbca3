/// The Secrets rule family, in catalog order.
public enum SecretRules {
    public static let all: [any Rule] = []
}
