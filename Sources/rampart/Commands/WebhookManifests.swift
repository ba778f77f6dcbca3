import ArgumentParser
import RampartServer

extension Rampart.Webhook {
    /// `rampart webhook manifests`: the secure deployment, as YAML on standard output.
    struct Manifests: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "manifests",
            abstract: "Print the webhook's deployment: namespace, policies, Deployment, Service, webhook configuration.",
            discussion: """
                The output passes `rampart audit` without findings.

                Examples:
                  rampart webhook manifests --image IMAGE --ca-bundle "$CA" | kubectl apply -f -
                  rampart webhook manifests --image IMAGE --cert-manager rampart-issuer
                """)

        @Option(help: "The rampart image, REGISTRY/REPOSITORY[:TAG], or pinned already (…@sha256:DIGEST).")
        var image = "\(DeploymentManifests.publishedRepository):\(Rampart.version)"

        @Option(help: "The image's digest, sha256:… (printed by scripts/build-image, or `skopeo inspect`): pins --image.")
        var digest: String?

        /// The image reference the Deployment runs: --image pinned by --digest.
        private var reference: String { digest.map { "\(image)@\($0)" } ?? image }

        @Option(help: "Namespace to deploy into.")
        var namespace = "rampart-system"

        @Option(help: "Replicas of the webhook (at least 2 keeps it available through node drains).")
        var replicas = 2

        @Option(help: "The caBundle printed by `rampart webhook certs`.")
        var caBundle: String?

        @Option(help: "Instead of --ca-bundle: the cert-manager Certificate NAMESPACE/NAME whose CA to inject.")
        var certManager: String?

        func validate() throws {
            if digest != nil, image.contains("@") { throw ValidationError("--image is pinned already: leave out --digest") }
            guard reference.contains("@sha256:") else {
                throw ValidationError("the image must be pinned by digest: give --digest sha256:… (the digest of \(image)) or --image REF@sha256:…")
            }
            guard replicas >= 1 else { throw ValidationError("--replicas must be at least 1") }
            if caBundle != nil, certManager != nil { throw ValidationError("give --ca-bundle or --cert-manager, not both") }
        }

        func run() throws {
            var manifests = DeploymentManifests(image: reference)
            manifests.namespace = namespace
            manifests.replicas = replicas
            manifests.caBundle = caBundle
            manifests.certManagerCertificate = certManager
            print(manifests.render(), terminator: "")
        }
    }
}
