import RampartModel

/// `containers.read-only-root-filesystem`: a container of a tenant namespace whose root filesystem is writable.
public struct ContainersReadOnlyRootFilesystem: PodRule {
    public let metadata = RuleMetadata(
        id: "containers.read-only-root-filesystem",
        title: "Container root filesystem is writable",
        severity: .low, layer: .container,
        standards: ["NSA/CISA: immutable container file systems", "CIS 5.7.3"],
        rationale: """
            A writable root filesystem lets an intruder drop tools and binaries into the image's \
            directories and change the application in place; no Pod Security level forbids it. \
            A read-only root with an `emptyDir` for the paths the application writes keeps the \
            container as it was built.
            """,
        remediation: """
            Set `securityContext.readOnlyRootFilesystem: true` on every container and mount an \
            `emptyDir` where the application writes (`/tmp`, caches).
            """)

    public init() {}

    /// Platform components are left out, as for the other hardening rules: their images are the vendor's.
    public func evaluate(_ pod: PodTemplate, in context: AuditContext) -> [Violation] {
        guard context.isTenantNamespace(pod.namespace) else { return [] }
        return pod.containers.filter { $0.kind != .ephemeralContainer }.compactMap { container in
            let context = container.path.appending("securityContext")
            switch container.securityContext?["readOnlyRootFilesystem"]?.bool {
            case true?:
                return nil
            case false?:
                return Violation(object: pod.object, path: context.appending("readOnlyRootFilesystem"),
                                 message: "\(container.label) sets readOnlyRootFilesystem: false")
            case nil:
                return Violation(object: pod.object, path: container.securityContext == nil ? container.path : context,
                                 message: "\(container.label) does not set readOnlyRootFilesystem: its root filesystem is writable")
            }
        }
    }
}
