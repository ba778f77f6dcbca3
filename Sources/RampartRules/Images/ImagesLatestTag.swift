import RampartModel

/// `images.latest-tag`: an image with the tag `latest` or no tag at all.
public struct ImagesLatestTag: PodRule {
    public let metadata = RuleMetadata(
        id: "images.latest-tag",
        title: "Image uses the latest tag or no tag",
        severity: .medium, layer: .container,
        standards: ["NSA/CISA: container images"],
        rationale: """
            `latest` changes under your feet: two nodes can run different code for the same pod, a rollback \
            does not roll back, and nobody can tell which version was scanned.
            """,
        remediation: "Reference a version tag, better a digest (`image@sha256:…`).")

    public init() {}

    public func evaluate(_ pod: PodTemplate, in context: AuditContext) -> [Violation] {
        pod.containerViolations(field: "image") { container in
            guard let image = container.image, ImageReference(image).isLatest else { return nil }
            return "\(container.label) uses image '\(image)', which resolves to the moving tag 'latest'"
        }
    }
}
