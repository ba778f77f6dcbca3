import ArgumentParser
import RampartServer

extension Rampart.Webhook {
    /// `rampart webhook manifests`: the secure deployment, as YAML on standard output.
    struct Manifests: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "manifests",
            abstract: "Print the webhook's deployment: namespace, policies, Deployment, Service, webhook configuration.",
            discussion: "The output passes `rampart audit` without findings.")

        @Option(help: "The rampart image, pinned by digest (REGISTRY/REPOSITORY[:TAG]@sha256:DIGEST).")
        var image: String

        @Option(help: "Namespace to deploy into.")
        var namespace = "rampart-system"

        @Option(help: "Replicas of the webhook (at least 2 keeps it available through node drains).")
        var replicas = 2

        @Option(help: "The caBundle printed by `rampart webhook certs`.")
        var caBundle: String?

        @Option(help: "Instead of --ca-bundle: the cert-manager Certificate NAMESPACE/NAME whose CA to inject.")
        var certManager: String?

        func validate() throws {
            guard image.contains("@sha256:") else { throw ValidationError("--image must be pinned by digest (…@sha256:…)") }
            guard replicas >= 1 else { throw ValidationError("--replicas must be at least 1") }
            if caBundle != nil, certManager != nil { throw ValidationError("give --ca-bundle or --cert-manager, not both") }
        }

        func run() throws {
            var manifests = DeploymentManifests(image: image)
            manifests.namespace = namespace
            manifests.replicas = replicas
            manifests.caBundle = caBundle
            manifests.certManagerCertificate = certManager
            print(manifests.render(), terminator: "")
        }
    }
}
