/// The container hardening rule family (what Pod Security Standards leave to the platform), in
/// catalog order.
public enum ContainerRules {
    public static let all: [any Rule] = [
        ContainersReadOnlyRootFilesystem(),
        ContainersRunAsRootGroup(),
    ]
}
