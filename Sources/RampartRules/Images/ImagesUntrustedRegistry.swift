import RampartModel
import RampartTenancy

/// `images.untrusted-registry`: an image from a registry outside the configured allow-list, or
/// outside the registries of the tenant that owns the namespace (`registries:` in the tenancy file),
/// which narrow the configured list and never widen it. Off where neither list is given.
public struct ImagesUntrustedRegistry: PodRule {
    public let metadata = RuleMetadata(
        id: "images.untrusted-registry",
        title: "Image from a registry outside the allow-list",
        severity: .high, layer: .container,
        standards: ["NSA/CISA: container images"],
        rationale: """
            Images from public or unknown registries have not passed your build, scanning and signing \
            pipeline; a typo-squatted or compromised image runs with the pod's privileges. A tenant that \
            declares its own `registries` in the tenancy file may only run images from them (and from the \
            configured allow-list): one tenant cannot run another tenant's images or pull from a registry \
            only the platform should use.
            """,
        remediation: """
            Mirror the image into an allowed registry, or add its registry to `registries` in the configuration \
            (and to the tenant's `registries` in the tenancy file when the tenant declares them).
            """)

    public init() {}

    public func evaluate(_ pod: PodTemplate, in context: AuditContext) -> [Violation] {
        let tenant = context.tenant(ofNamespace: pod.namespace).flatMap { $0.registries.isEmpty ? nil : $0 }
        guard !context.settings.allowedRegistries.isEmpty || tenant != nil else { return [] }
        let allowed = context.settings.allowedRegistries.map(AllowedRegistry.init)
        let tenantAllowed = tenant?.registries.map(AllowedRegistry.init) ?? []
        return pod.containerViolations(field: "image") { container in
            guard let image = container.image else { return nil }
            let reference = ImageReference(image)
            let source = "\(container.label) uses image '\(image)' from '\(reference.registry)'"
            if !allowed.isEmpty, !allowed.contains(where: { $0.allows(reference) }) {
                return "\(source), which is not an allowed registry"
            }
            if let tenant, !tenantAllowed.contains(where: { $0.allows(reference) }) {
                return "\(source), outside tenant \(tenant.name)'s registries (\(tenant.registries.joined(separator: ", ")))"
            }
            return nil
        }
    }
}
