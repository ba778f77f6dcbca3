/// The Resources rule family, in catalog order.
public enum ResourceRules {
    public static let all: [any Rule] = []
}
