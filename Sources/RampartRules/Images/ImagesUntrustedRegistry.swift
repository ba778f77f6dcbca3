import RampartModel

/// `images.untrusted-registry`: an image from a registry outside the configured allow-list.
/// Off when no allow-list is configured.
public struct ImagesUntrustedRegistry: PodRule {
    public let metadata = RuleMetadata(
        id: "images.untrusted-registry",
        title: "Image from a registry outside the allow-list",
        severity: .high, layer: .container,
        standards: ["NSA/CISA: container images"],
        rationale: """
            Images from public or unknown registries have not passed your build, scanning and signing \
            pipeline; a typo-squatted or compromised image runs with the pod's privileges.
            """,
        remediation: "Mirror the image into an allowed registry, or add its registry to `registries` in the configuration.")

    public init() {}

    public func evaluate(_ pod: PodTemplate, in context: AuditContext) -> [Violation] {
        guard !context.settings.allowedRegistries.isEmpty else { return [] }
        let allowed = context.settings.allowedRegistries.map(AllowedRegistry.init)
        return pod.containerViolations(field: "image") { container in
            guard let image = container.image else { return nil }
            let reference = ImageReference(image)
            guard !allowed.contains(where: { $0.allows(reference) }) else { return nil }
            return "\(container.label) uses image '\(image)' from '\(reference.registry)', which is not an allowed registry"
        }
    }
}
