import RampartModel

/// `images.no-digest`: an image referenced by a tag instead of a digest.
public struct ImagesNoDigest: PodRule {
    public let metadata = RuleMetadata(
        id: "images.no-digest",
        title: "Image not pinned by digest",
        severity: .low, layer: .container,
        standards: ["NSA/CISA: container images"],
        rationale: """
            A tag can be moved to other content by anyone who can push to the repository; a digest names \
            exactly the image that was built, scanned and signed.
            """,
        remediation: "Pin the image by digest: `registry/repo:tag@sha256:…`.")

    public init() {}

    public func evaluate(_ pod: PodTemplate, in context: AuditContext) -> [Violation] {
        pod.containerViolations(field: "image") { container in
            guard let image = container.image, !ImageReference(image).isPinned else { return nil }
            return "\(container.label) uses image '\(image)' without a digest"
        }
    }
}
