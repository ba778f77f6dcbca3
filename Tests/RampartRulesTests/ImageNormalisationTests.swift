import RampartRules
import Testing

/// Image references and registry allow-list entries normalised as the container runtime does
/// (distribution/reference `ParseNormalizedNamed`), and matched by whole path components.
@Suite struct ImageNormalisationTests {
    static let digest = "sha256:" + String(repeating: "ab", count: 32)

    /// Every spelling of one Docker Hub repository is the same qualified name.
    @Test(arguments: [
        "nginx", "nginx:1.27", "library/nginx", "docker.io/nginx:1.27", "docker.io/library/nginx",
        "index.docker.io/nginx", "index.docker.io/library/nginx:1.27", "Docker.IO/nginx", "nginx@\(digest)",
        "docker.io/nginx:1.27@\(digest)",
    ])
    func dockerHubSpellingsAreOneRepository(_ reference: String) {
        let image = ImageReference(reference)
        #expect(image.registry == "docker.io")
        #expect(image.repository == "library/nginx")
        #expect(image.qualifiedName == "docker.io/library/nginx")
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let reference: String
        let qualifiedName: String
        var testDescription: String { reference }
    }

    @Test(arguments: [
        Case(reference: "bitnami/redis:7.2", qualifiedName: "docker.io/bitnami/redis"),
        Case(reference: "index.docker.io/bitnami/redis", qualifiedName: "docker.io/bitnami/redis"),
        Case(reference: "registry/app", qualifiedName: "docker.io/registry/app"),
        Case(reference: "registry:5000/app:1", qualifiedName: "registry:5000/app"),
        Case(reference: "localhost/app", qualifiedName: "localhost/app"),
        Case(reference: "Registry/app", qualifiedName: "registry/app"),
        Case(reference: "GHCR.io/org/app", qualifiedName: "ghcr.io/org/app"),
        Case(reference: "ghcr.io/nginx", qualifiedName: "ghcr.io/nginx"),
        Case(reference: "[::1]:5000/app@\(digest)", qualifiedName: "[::1]:5000/app"),
    ])
    func registryHostsAsTheRuntimeReadsThem(_ expected: Case) {
        #expect(ImageReference(expected.reference).qualifiedName == expected.qualifiedName)
    }

    @Test(arguments: [
        ("docker.io/library", "docker.io/library"), ("docker.io/library/", "docker.io/library"),
        ("index.docker.io", "docker.io"), ("index.docker.io/library", "docker.io/library"),
        ("docker.io", "docker.io"), ("library", "docker.io/library"), ("bitnami", "docker.io/bitnami"),
        ("ghcr.io/org", "ghcr.io/org"), ("GHCR.IO/org", "ghcr.io/org"), ("registry:5000", "registry:5000"),
        ("localhost", "localhost"), ("", ""),
    ])
    func allowListEntriesAreNormalised(_ entry: String, _ prefix: String) {
        #expect(AllowedRegistry(entry).prefix == prefix)
    }

    @Test func dockerHubImagesMatchDockerHubEntriesHoweverSpelled() {
        for entry in ["docker.io/library", "index.docker.io/library", "library", "docker.io", "index.docker.io"] {
            for image in ["nginx:1.27", "docker.io/nginx:1.27", "index.docker.io/library/nginx", "library/nginx@\(Self.digest)"] {
                #expect(ImageReference(image).isAllowed(by: entry), "\(image) under \(entry)")
            }
            #expect(!ImageReference("ghcr.io/library/nginx").isAllowed(by: entry), "other registry under \(entry)")
        }
        #expect(!ImageReference("bitnami/redis").isAllowed(by: "docker.io/library"))
        #expect(ImageReference("bitnami/redis").isAllowed(by: "docker.io"))
    }

    @Test func oneComponentDockerHubEntriesNameTheNamespaceAndTheOfficialImage() {
        #expect(ImageReference("nginx:1.27").isAllowed(by: "docker.io/nginx"))
        #expect(ImageReference("nginx/nginx-ingress:3").isAllowed(by: "docker.io/nginx"))
        #expect(ImageReference("bitnami/redis").isAllowed(by: "bitnami"))
        #expect(ImageReference("bitnami/redis").isAllowed(by: "docker.io/bitnami"))
        #expect(!ImageReference("redis").isAllowed(by: "docker.io/bitnami/redis"))
        #expect(!ImageReference("nginxinc/nginx-unprivileged").isAllowed(by: "docker.io/nginx"))
        #expect(!ImageReference("ghcr.io/nginx/app").isAllowed(by: "nginx"))
    }

    @Test func entriesMatchWholePathComponentsOnly() {
        #expect(ImageReference("ghcr.io/example/app").isAllowed(by: "ghcr.io/example"))
        #expect(!ImageReference("ghcr.io/example-evil/x").isAllowed(by: "ghcr.io/example"))
        #expect(!ImageReference("ghcr.io.evil.com/example/x").isAllowed(by: "ghcr.io"))
        #expect(!ImageReference("localhost:50001/app").isAllowed(by: "localhost:5000"))
        #expect(ImageReference("localhost:5000/app").isAllowed(by: "localhost:5000"))
        #expect(!ImageReference("docker.io.evil.com/library/nginx").isAllowed(by: "docker.io"))
        #expect(!ImageReference("nginx").isAllowed(by: ""), "an empty entry allows nothing")
    }

    /// The defect: with `[docker.io/library]`, `nginx:1.27` was allowed and `docker.io/nginx:1.27` flagged.
    @Test func untrustedRegistryRuleNormalisesBothSides() {
        let pod = """
            kind: Pod
            metadata: {name: p, namespace: a}
            spec:
              initContainers: [{name: init, image: "index.docker.io/library/busybox:1"}]
              containers:
              - {name: short, image: "nginx:1.27"}
              - {name: hub, image: "docker.io/nginx:1.27"}
              - {name: org, image: "bitnami/redis:7"}
              - {name: ghcr, image: "ghcr.io/example-evil/x:1"}
              - {name: mirror, image: "ghcr.io/example/app:1"}
            """
        let settings = RuleSettings(allowedRegistries: ["docker.io/library", "ghcr.io/example"])
        let found = findings(pod, rules: [ImagesUntrustedRegistry()], settings: settings)
        #expect(found.map(\.path).sorted() == ["spec.containers[2].image", "spec.containers[3].image"])
        let message = found.first { $0.path == "spec.containers[2].image" }?.message ?? ""
        #expect(message.contains("from 'docker.io'"))
    }
}
