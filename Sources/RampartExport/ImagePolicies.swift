import RampartModel
import RampartRules

/// The image rules in CEL: images are read as `ImageReference` reads them (a digest after `@`,
/// a tag after the last `:` of the last path component, a registry host as the first component
/// when it has a `.`, a `:` or an upper-case letter, or is `localhost`).
enum ImagePolicies {
    /// The validation of an image rule, when it exports with `settings`.
    static func validation(for rule: any Rule, settings: RuleSettings) -> PodValidation? {
        switch rule {
        case is ImagesLatestTag: latestTag
        case is ImagesNoDigest: noDigest
        case is ImagesPullPolicy: pullPolicy
        case is ImagesUntrustedRegistry: settings.allowedRegistries.isEmpty ? nil : untrustedRegistry(settings.allowedRegistries)
        default: nil
        }
    }

    /// Container `c` has an image Rampart reads (a string; a non-string scalar is a known limit).
    private static let hasImage = "type(\(CELFields.field("c", "image"))) == string"

    /// The last path component of `c.image`, where its tag is.
    private static let lastComponent = "c.image.substring(c.image.lastIndexOf('/') + 1)"

    /// The image resolves to `latest`: no digest, and no tag or the tag `latest`.
    private static let resolvesToLatest = "!c.image.contains('@') && (!\(lastComponent).contains(':') || \(lastComponent).endsWith(':latest'))"

    /// `images.latest-tag`: every image has a digest, or a tag other than `latest`.
    static let latestTag = PodValidation.containers(failing: "\(hasImage) && \(resolvesToLatest)", field: "containers[].image",
                                                    problem: "use images that resolve to the moving tag latest")

    /// `images.no-digest`: every image is pinned by a digest.
    static let noDigest = PodValidation.containers(failing: "\(hasImage) && !c.image.contains('@')", field: "containers[].image",
                                                   problem: "use images without a digest")

    /// `images.pull-policy`: an image without a digest is pulled `Always` (the API server's default
    /// for `latest`, `IfNotPresent` otherwise).
    static let pullPolicy = PodValidation.containers(
        failing: """
            \(hasImage) && !c.image.contains('@') && (\(CELFields.isScalar(CELFields.field("c", "imagePullPolicy"))) \
            ? c.imagePullPolicy != 'Always' : !(\(resolvesToLatest)))
            """,
        field: "containers[].imagePullPolicy", problem: "may run a cached image: pin it by digest or set imagePullPolicy: Always")

    /// `images.untrusted-registry`: every image is under an entry of the allow-list, by whole path
    /// components of its normalised `registry/repository` (the entries normalised by `AllowedRegistry`).
    static func untrustedRegistry(_ entries: [String]) -> PodValidation {
        let prefixes = entries.map(AllowedRegistry.init).flatMap { [$0.prefix] + ($0.officialImage.map { [$0] } ?? []) }.filter { !$0.isEmpty }
        let allowed = prefixes.isEmpty ? "false"
            : prefixes.map { "q == \(PolicyYAML.celString($0)) || q.startsWith(\(PolicyYAML.celString($0 + "/")))" }.joined(separator: " || ")
        return PodValidation(expression: "variables.qualifiedImages.all(q, \(allowed))", field: "containers[].image",
                             detail: "'images from registries outside the allow-list: ' + variables.qualifiedImages.filter(q, !(\(allowed))).join(', ')",
                             variables: qualifiedImageVariables)
    }

    /// Every image as `registry/repository`, normalised as `ImageReference.qualifiedName`, in steps:
    /// the name without the digest; its registry host (empty on Docker Hub) and path; the repository
    /// without the tag; Docker Hub's `docker.io` and `library/` for official images.
    static let qualifiedImageVariables: [(name: String, expression: String)] = [
        ("imageNames", "variables.containers.filter(c, \(hasImage)).map(c, c.image.contains('@') ? c.image.substring(0, c.image.indexOf('@')) : c.image)"),
        ("imageHosts", """
            variables.imageNames.map(n, n.contains('/') && (n.substring(0, n.indexOf('/')).matches('[.:A-Z]') \
            || n.substring(0, n.indexOf('/')) == 'localhost') ? [n.substring(0, n.indexOf('/')).lowerAscii(), n.substring(n.indexOf('/') + 1)] : ['', n])
            """),
        ("imageRepositories", """
            variables.imageHosts.map(h, [h[0] in ['', 'docker.io', 'index.docker.io'] ? 'docker.io' : h[0], \
            h[1].matches(':[^/]*$') ? h[1].substring(0, h[1].lastIndexOf(':')) : h[1]])
            """),
        ("qualifiedImages", "variables.imageRepositories.map(r, r[0] + '/' + (r[0] == 'docker.io' && !r[1].contains('/') ? 'library/' + r[1] : r[1]))"),
    ]
}
