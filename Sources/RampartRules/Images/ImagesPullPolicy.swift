import RampartModel

/// `images.pull-policy`: a tag-referenced image that a node may reuse from its cache.
public struct ImagesPullPolicy: PodRule {
    public let metadata = RuleMetadata(
        id: "images.pull-policy",
        title: "Image pull policy lets a node reuse a cached image",
        severity: .low, layer: .container,
        standards: ["CIS 1.2.11", "NSA/CISA: container images"],
        rationale: """
            With `IfNotPresent` or `Never`, a node runs whatever image it cached under that tag: a stale \
            version, or a private image another tenant pulled, without checking the pod's pull credentials.
            """,
        remediation: "Pin the image by digest, or set `imagePullPolicy: Always` (and enable the AlwaysPullImages admission plugin on shared clusters).")

    public init() {}

    public func evaluate(_ pod: PodTemplate, in context: AuditContext) -> [Violation] {
        pod.containerViolations(field: "imagePullPolicy") { container -> (message: String, notes: [String])? in
            guard let image = container.image else { return nil }
            let reference = ImageReference(image)
            guard !reference.isPinned else { return nil }
            let policy = container.node["imagePullPolicy"]?.string
            let effective = policy ?? (reference.isLatest ? "Always" : "IfNotPresent")
            guard effective != "Always" else { return nil }
            let notes = policy == nil ? ["imagePullPolicy defaulted to IfNotPresent by the API server (tagged image, not latest)"] : []
            return ("\(container.label) pulls '\(image)' with imagePullPolicy \(effective): a node may run a stale or another tenant's cached image", notes)
        }
    }
}
