import RampartRules
import Testing

/// Image references split as the container runtime (distribution/reference) normalises them.
@Suite struct ImageReferenceTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let reference: String
        let registry: String
        let repository: String
        let tag: String?
        let digest: String?
        var testDescription: String { reference }
    }

    static let digest = "sha256:" + String(repeating: "ab", count: 32)

    static let cases: [Case] = [
        Case(reference: "nginx", registry: "docker.io", repository: "library/nginx", tag: nil, digest: nil),
        Case(reference: "nginx:1.27", registry: "docker.io", repository: "library/nginx", tag: "1.27", digest: nil),
        Case(reference: "bitnami/redis:7.2", registry: "docker.io", repository: "bitnami/redis", tag: "7.2", digest: nil),
        Case(reference: "ghcr.io/org/team/app:v1", registry: "ghcr.io", repository: "org/team/app", tag: "v1", digest: nil),
        Case(reference: "localhost:5000/app", registry: "localhost:5000", repository: "app", tag: nil, digest: nil),
        Case(reference: "localhost/app:dev", registry: "localhost", repository: "app", tag: "dev", digest: nil),
        Case(reference: "registry.example.com:443/shop/api:2.1@\(digest)", registry: "registry.example.com:443",
             repository: "shop/api", tag: "2.1", digest: digest),
        Case(reference: "quay.io/prometheus/node-exporter@\(digest)", registry: "quay.io",
             repository: "prometheus/node-exporter", tag: nil, digest: digest),
        Case(reference: "user/app@\(digest)", registry: "docker.io", repository: "user/app", tag: nil, digest: digest),
    ]

    @Test(arguments: cases) func splitsAsTheRuntimeDoes(_ expected: Case) {
        let reference = ImageReference(expected.reference)
        #expect(reference.registry == expected.registry)
        #expect(reference.repository == expected.repository)
        #expect(reference.tag == expected.tag)
        #expect(reference.digest == expected.digest)
    }

    @Test func latestAndPinning() {
        #expect(ImageReference("nginx").isLatest)
        #expect(ImageReference("nginx:latest").isLatest)
        #expect(!ImageReference("nginx:1.27").isLatest)
        #expect(!ImageReference("nginx@\(Self.digest)").isLatest)
        #expect(ImageReference("nginx:1.27@\(Self.digest)").isPinned)
        #expect(!ImageReference("nginx:1.27").isPinned)
    }

    @Test func allowListEntriesMatchWholePathComponents() {
        let image = ImageReference("ghcr.io/org/app:v1")
        #expect(image.isAllowed(by: "ghcr.io"))
        #expect(image.isAllowed(by: "ghcr.io/org/"))
        #expect(!image.isAllowed(by: "ghcr.io/or"))
        #expect(ImageReference("nginx").isAllowed(by: "docker.io/library"))
    }
}
