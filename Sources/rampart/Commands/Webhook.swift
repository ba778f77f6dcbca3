import ArgumentParser

extension Rampart {
    /// `rampart webhook`: the validating admission webhook (serve it, make its certificates, deploy it).
    struct Webhook: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "webhook",
            abstract: "Enforce the rule catalog at admission time, as a validating admission webhook.",
            discussion: """
                The webhook judges each CREATE and UPDATE of pods, workloads, services, ingresses, config maps and \
                namespaces with the catalog's one-object rules, and denies, warns or only logs per namespace.

                Examples:
                  rampart webhook certs --out-dir certs
                  rampart webhook manifests --image registry.example/rampart:0.1.0
                  rampart webhook serve --cert certs/tls.crt --key certs/tls.key
                """,
            subcommands: [Serve.self, Certs.self, Manifests.self])
    }
}
