import ArgumentParser
import Foundation
import RampartLoading
import RampartModel
import RampartReport
import RampartNetwork

extension Rampart {
    /// `rampart netpol`: NetworkPolicy reachability (matrix, connection list, explanations).
    struct Netpol: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compute what can talk to what under the NetworkPolicies of the inputs.",
            subcommands: [NetpolMatrix.self, NetpolConnlist.self, NetpolNamespaces.self, NetpolExplain.self])
    }
}

/// Loading and output shared by the `netpol` subcommands.
struct NetpolInput {
    let analysis: NetworkAnalysis
    let loaded: LoadResult

    /// Loads the inputs and compiles the network; the other files are still analysed when some fail.
    init(_ input: InputOptions) {
        loaded = InputReader.load(input)
        analysis = NetworkAnalysis(Inventory(objects: loaded.objects))
    }

    /// Writes the answer as JSON (with the input errors under `errors`) or as text (input errors on
    /// standard error), and ends with the run's status: input errors fail the run as everywhere.
    func finish<Answer: Encodable>(_ output: OutputOptions<AnswerFormat>, json answer: Answer, text: () -> String) throws {
        switch output.format {
        case .json:
            try output.write(try JSONOutput.encode(AnswerWithErrors(answer: answer, errors: loaded.errors)))
        case .text:
            try output.write(text())
            for error in loaded.errors {
                FileHandle.standardError.write(Data("rampart: \(error.description)\n".utf8))
            }
        }
        try RunStatus(inputErrors: loaded.errors.count, cleanInputs: loaded.cleanInputs, reportFailed: false).finish()
    }
}

/// `rampart netpol matrix`: the decision for every ordered pair of distinct pods, per probe.
struct NetpolMatrix: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "matrix",
        abstract: "Decide every ordered pair of distinct pods for each probe (PROTOCOL/PORT).")

    @Option(name: .customLong("probe"), help: "A probe such as TCP/80 (repeatable). Default: every port a pod serves, else TCP/80.")
    var probes: [Probe] = []

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions<AnswerFormat>

    func run() throws {
        let run = NetpolInput(input)
        let analysis = run.analysis
        let probes = self.probes.isEmpty ? Probe.defaults(analysis) : self.probes
        var rows: [MatrixRow] = []
        for probe in probes {
            for source in analysis.pods.indices {
                for destination in analysis.pods.indices where source != destination {
                    rows.append(MatrixRow(from: analysis.pods[source].id, to: analysis.pods[destination].id,
                                          protocol: probe.proto.rawValue, port: probe.port,
                                          allowed: analysis.isAllowed(from: source, to: destination, proto: probe.proto, port: probe.port)))
                }
            }
        }
        try run.finish(output, json: ["connections": rows]) {
            MatrixRow.grid(rows, pods: analysis.pods.map(\.id), probes: probes)
        }
    }
}

/// `rampart netpol connlist`: allowed connections between workloads and outside addresses.
struct NetpolConnlist: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "connlist",
        abstract: "List the allowed connections between workloads and external address ranges.")

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions<AnswerFormat>

    func run() throws {
        let run = NetpolInput(input)
        let analysis = run.analysis
        let list = analysis.connectionList()
        try run.finish(output, json: ["connections": list.map(ConnectionEntry.init)]) {
            list.map(\.text).joined(separator: "\n")
        }
    }
}

/// `rampart netpol namespaces`: which namespaces may reach which.
struct NetpolNamespaces: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "namespaces",
        abstract: "Summarise reachability between namespaces (some pod of one may connect to some pod of the other).")

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions<AnswerFormat>

    func run() throws {
        let run = NetpolInput(input)
        let analysis = run.analysis
        let flows = analysis.namespaceReachability()
        try run.finish(output, json: ["flows": flows.map(NamespaceFlowEntry.init)]) {
            flows.map { "\($0.from) => \($0.to) : \($0.connections.text)" }.joined(separator: "\n")
        }
    }
}

/// `rampart netpol explain`: why one connection is allowed or denied.
struct NetpolExplain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain whether FROM may connect to TO on PORT/PROTOCOL, and which policies decide it.")

    @Argument(help: "The source: a pod (NAMESPACE/NAME, as the matrix names it) or an IP address.")
    var from: String
    @Argument(help: "The destination: a pod (NAMESPACE/NAME) or an IP address.")
    var to: String
    @Argument(help: "The port and protocol, e.g. 80/TCP (TCP/80 is read too; the protocol defaults to TCP).")
    var port: Probe

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
        let report = ExplainReport(from: from, to: to, decision: decision)
        try run.finish(output, json: report) { report.text }
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
