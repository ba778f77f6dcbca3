import ArgumentParser
import Foundation
import RampartLoading
import RampartModel
import RampartReport
import RampartNetwork

extension Rampart {
    /// `rampart netpol`: reachability under NetworkPolicy and the admin-tier, Cilium and Calico kinds
/// (matrix, connection list, explanations).
    struct Netpol: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "netpol",
            abstract: "Compute what can talk to what under the network policies of the inputs (NetworkPolicy, admin tier, Cilium, Calico).",
            discussion: """
                Examples:
                  rampart netpol matrix examples/cluster
                  rampart netpol connlist examples/cluster -o json
                  rampart netpol namespaces --cluster
                  rampart netpol connlist examples/cluster -n team-search
                """,
            subcommands: [NetpolMatrix.self, NetpolConnlist.self, NetpolNamespaces.self, NetpolExplain.self])
    }
}

/// Loading and output shared by the `netpol` subcommands.
struct NetpolInput {
    let analysis: NetworkAnalysis
    let loaded: LoadResult

    /// Loads the inputs and compiles the network; the other files are still analysed when some fail.
    /// When policies are among the inputs and no CNI is, standard error says that their enforcement
    /// is unverified (every answer assumes the policies are enforced).
    init(_ input: InputOptions) {
        loaded = InputReader.load(input)
        let inventory = Inventory(objects: loaded.objects)
        analysis = NetworkAnalysis(inventory)
        let enforcement = NetworkEnforcement(inventory)
        if !analysis.allPolicies.isEmpty, !enforcement.determined {
            FileHandle.standardError.write(Data("rampart: note: \(enforcement.statement)\n".utf8))
        }
    }

    /// Writes `report` to `output` and ends with the run's status: input errors fail the run as everywhere.
    func finish(_ report: some AnswerReport, _ output: OutputOptions<AnswerFormat>) throws {
        try output.render(report)
        try RunStatus(report, cleanInputs: loaded.cleanInputs).finish()
    }
}

/// `rampart netpol matrix`: the decision for every ordered pair of distinct pods, per probe.
struct NetpolMatrix: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "matrix",
        abstract: "Decide every ordered pair of distinct pods for each probe (PROTOCOL/PORT).",
        discussion: """
            With -n NAMESPACE the grid holds only that namespace's pods (every input's policies still apply).

            Examples:
              rampart netpol matrix examples/cluster
              rampart netpol matrix manifests/ --probe TCP/80 --probe UDP/53 -o json
            """)

    @Option(name: .customLong("probe"), help: "A probe such as TCP/80 (repeatable). Default: every port a pod serves, else TCP/80.")
    var probes: [NetworkProbe] = []

    @OptionGroup var input: InputOptions
    @OptionGroup var scope: NamespaceScopeOptions
    @OptionGroup var output: OutputOptions<AnswerFormat>

    func run() throws {
        let run = NetpolInput(input)
        let probes = self.probes.isEmpty ? NetworkProbe.defaults(run.analysis) : self.probes
        try run.finish(NetworkMatrixReport(run.analysis, probes: probes, errors: run.loaded.errors) { scope.includes($0.namespace) }, output)
    }
}

/// `rampart netpol connlist`: allowed connections between workloads and outside addresses.
struct NetpolConnlist: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "connlist",
        abstract: "List the allowed connections between workloads and external address ranges.",
        discussion: """
            With -n NAMESPACE only the connections from or to a workload of that namespace are listed.

            Examples:
              rampart netpol connlist examples/cluster
              rampart netpol connlist --cluster -o json
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var scope: NamespaceScopeOptions
    @OptionGroup var output: OutputOptions<AnswerFormat>

    func run() throws {
        let run = NetpolInput(input)
        let kept = { (connection: ListedConnection) in scope.includes(from: connection.from.namespace, to: connection.to.namespace) }
        try run.finish(ConnectionListReport(run.analysis.connectionList().filter(kept), undecided: run.analysis.undecidedConnections().filter(kept),
                                            errors: run.loaded.errors), output)
    }
}

/// `rampart netpol namespaces`: which namespaces may reach which.
struct NetpolNamespaces: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "namespaces",
        abstract: "Summarise reachability between namespaces (some pod of one may connect to some pod of the other).",
        discussion: """
            With -n NAMESPACE only the flows from or to that namespace are listed.

            Examples:
              rampart netpol namespaces examples/cluster
              rampart netpol namespaces --cluster -o json
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var scope: NamespaceScopeOptions
    @OptionGroup var output: OutputOptions<AnswerFormat>

    func run() throws {
        let run = NetpolInput(input)
        let flows = run.analysis.namespaceReachability().filter { scope.includes(from: $0.from, to: $0.to) }
        try run.finish(NamespaceFlowReport(flows, errors: run.loaded.errors), output)
    }
}

/// `rampart netpol explain`: why one connection is allowed or denied.
struct NetpolExplain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain whether FROM may connect to TO on PORT/PROTOCOL, and which policies decide it.",
        discussion: """
            Examples:
              rampart netpol explain team-a/web team-b/api TCP/8080 examples/cluster
              rampart netpol explain team-a/web 10.0.0.1 TCP/443 manifests/ -o json
            """)

    @Argument(help: "The source: a pod (NAMESPACE/NAME, as the matrix names it) or an IP address.")
    var from: String
    @Argument(help: "The destination: a pod (NAMESPACE/NAME) or an IP address.")
    var to: String
    @Argument(help: "The port and protocol, e.g. 80/TCP (TCP/80 is read too; the protocol defaults to TCP).")
    var port: NetworkProbe

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions<AnswerFormat>

    func run() throws {
        let run = NetpolInput(input)
        let analysis = run.analysis
        let source = try endpoint(from, in: analysis)
        let destination = try endpoint(to, in: analysis)
        guard let decision = analysis.decide(from: source, to: destination, proto: port.proto, port: port.port) else {
            throw ValidationError("one end must be a pod: no policy governs traffic between two outside addresses")
        }
        try run.finish(NetworkExplainReport(from: from, to: to, decision: decision, errors: run.loaded.errors), output)
    }

    private func endpoint(_ text: String, in analysis: NetworkAnalysis) throws -> Endpoint {
        if let pod = analysis.pods.firstIndex(where: { $0.id == text }) { return .pod(pod) }
        if let address = IPAddress(text) {
            if let pod = analysis.pods.firstIndex(where: { $0.addresses.contains(address) }) { return .pod(pod) }
            return .address(address)
        }
        throw ValidationError("'\(text)' is neither a pod of the inputs (NAMESPACE/NAME) nor an IP address")
    }
}
