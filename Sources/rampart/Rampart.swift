import ArgumentParser

/// The `rampart` command: audits, analyses and enforces multi-tenant isolation of Kubernetes.
@main
struct Rampart: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        abstract: "Secure multi-tenant Kubernetes: audit manifests and clusters against isolation controls.",
        version: version,
        subcommands: [
            Audit.self,
            Rules.self,
            Explain.self,
            Rbac.self,
        ])
}
