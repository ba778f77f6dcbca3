/// The RBAC rule family, in catalog order.
public enum RBACRules {
    public static let all: [any Rule] = []
}
