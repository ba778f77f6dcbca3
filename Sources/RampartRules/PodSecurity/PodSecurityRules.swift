/// The PodSecurity rule family, in catalog order.
public enum PodSecurityRules {
    public static let all: [any Rule] = []
}
