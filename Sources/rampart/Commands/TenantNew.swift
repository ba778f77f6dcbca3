import ArgumentParser
import Foundation
import RampartTenancy

extension Rampart {
    /// `rampart tenant`: tenant baselines.
    struct TenantCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tenant",
            abstract: "Create the secure baseline of a tenant.",
            subcommands: [TenantNew.self])
    }
}

extension Trust: ExpressibleByArgument {}

/// `rampart tenant new`: prints the baseline manifests of a new tenant.
struct TenantNew: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Print the baseline manifests of a new tenant (namespace, Pod Security, quota, limit range, network policies, RBAC, placement).",
        discussion: """
            The output passes `rampart audit` and achieves the tenant's required isolation (`rampart tenants check`). \
            It holds only the tenant's own objects: its namespaces and what is inside them, and \
            a FlowSchema named after it. It never creates or changes objects that other tenants share: untrusted pods \
            name the platform's sandbox RuntimeClass (--runtime-class), which must exist, and the node pool goes on the \
            tenant's namespaces and pods, not on the RuntimeClass.
            """)

    @Argument(help: "The tenant's name (a DNS label: lower-case letters, digits and '-').")
    var name: String

    @Option(help: "trusted (a team of the organisation) or untrusted (customers, code nobody audited).")
    var trust: Trust

    @Option(parsing: .upToNextOption, help: "The tenant's namespaces (default: its name). Commas or spaces separate them.")
    var namespaces: [String] = []

    @Option(name: .customLong("node-pool"), help: "The dedicated node pool's label, KEY=VALUE (repeatable; required for untrusted tenants).")
    var nodePool: [String] = []

    @Option(help: "Quota values, KEY=VALUE,… (cpu, memory, storage, pods, or any ResourceQuota key).")
    var quota: [String] = []

    @Option(name: .customLong("runtime-class"),
            help: "The platform's sandbox RuntimeClass that untrusted pods use (referenced, never created or changed).")
    var runtimeClass: String = TenantBaseline.defaultRuntimeClass

    @Option(name: [.short, .long], help: "Write the manifests to this file instead of standard output.")
    var output: String?

    private var namespaceList: [String] { namespaces.flatMap { $0.split(separator: ",").map(String.init) } }

    /// The node pool's labels, from every --node-pool KEY=VALUE.
    private var poolLabels: [String: String] {
        nodePool.reduce(into: [:]) { labels, pair in labels.merge(TenantInference.parsePairs(pair)) { $1 } }
    }

    func validate() throws {
        for value in [name] + namespaceList where !Self.isDNSLabel(value) {
            throw ValidationError("'\(value)' is not a valid name: lower-case letters, digits and '-', 63 characters at most")
        }
        guard runtimeClass.count <= 253, runtimeClass.split(separator: ".", omittingEmptySubsequences: false).allSatisfy({ Self.isDNSLabel(String($0)) }) else {
            throw ValidationError("'\(runtimeClass)' is not a valid RuntimeClass name: DNS labels joined by '.', 253 characters at most")
        }
        for pair in nodePool + quota.flatMap({ $0.split(separator: ",").map(String.init) }) where !pair.contains("=") {
            throw ValidationError("'\(pair)' is not KEY=VALUE")
        }
        if let problem = TenantBaseline(name: name, trust: trust, nodePool: poolLabels).unmetRequirement { throw ValidationError(problem) }
    }

    func run() throws {
        var quotas: [String: String] = [:]
        for pair in quota { quotas.merge(TenantInference.parsePairs(pair)) { $1 } }
        let baseline = TenantBaseline(name: name, trust: trust, namespaces: namespaceList, nodePool: poolLabels, quota: quotas,
                                      runtimeClass: runtimeClass)
        let text = baseline.yaml
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: Data(text.utf8)) else { throw ValidationError("cannot write \(output)") }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    static func isDNSLabel(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= 63, text.first != "-", text.last != "-" else { return false }
        return text.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
