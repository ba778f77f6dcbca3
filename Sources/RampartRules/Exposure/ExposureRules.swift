/// The Exposure rule family, in catalog order.
public enum ExposureRules {
    public static let all: [any Rule] = []
}
