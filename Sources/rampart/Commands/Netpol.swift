import ArgumentParser
import Foundation
import RampartLoading
import RampartModel
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
enum NetpolInput {
    /// Loads the inputs and compiles the network; input errors go to standard error (the other files
    /// are still analysed).
    static func analysis(_ input: InputOptions) -> (NetworkAnalysis, [InputError]) {
        let loaded = InputReader.load(input)
        for error in loaded.errors {
            FileHandle.standardError.write(Data("rampart: \(error.description)\n".utf8))
        }
        return (NetworkAnalysis(Inventory(objects: loaded.objects)), loaded.errors)
    }

    /// Only text and JSON make sense for these reports.
    static func validate(_ output: OutputOptions) throws {
        guard output.format == .text || output.format == .json else {
            throw ValidationError("netpol reports are text or json")
        }
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
    @OptionGroup var output: OutputOptions

    func validate() throws { try NetpolInput.validate(output) }

    func run() throws {
        let (analysis, _) = NetpolInput.analysis(input)
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
        switch output.format {
        case .json: try output.write(try JSONOutput.encode(["connections": rows]))
        default: try output.write(MatrixRow.grid(rows, pods: analysis.pods.map(\.id), probes: probes))
        }
    }
}

/// `rampart netpol connlist`: allowed connections between workloads and outside addresses.
struct NetpolConnlist: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "connlist",
        abstract: "List the allowed connections between workloads and external address ranges.")

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions

    func validate() throws { try NetpolInput.validate(output) }

    func run() throws {
        let (analysis, _) = NetpolInput.analysis(input)
        let list = analysis.connectionList()
        switch output.format {
        case .json: try output.write(try JSONOutput.encode(["connections": list.map(ConnectionEntry.init)]))
        default: try output.write(list.map(\.text).joined(separator: "\n"))
        }
    }
}

/// `rampart netpol namespaces`: which namespaces may reach which.
struct NetpolNamespaces: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "namespaces",
        abstract: "Summarise reachability between namespaces (some pod of one may connect to some pod of the other).")

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions

    func validate() throws { try NetpolInput.validate(output) }

    func run() throws {
        let (analysis, _) = NetpolInput.analysis(input)
        let flows = analysis.namespaceReachability()
        switch output.format {
        case .json: try output.write(try JSONOutput.encode(["flows": flows.map(NamespaceFlowEntry.init)]))
        default: try output.write(flows.map { "\($0.from) => \($0.to) : \($0.connections.text)" }.joined(separator: "\n"))
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
    @OptionGroup var output: OutputOptions

    func validate() throws { try NetpolInput.validate(output) }

    func run() throws {
        let (analysis, _) = NetpolInput.analysis(input)
        let source = try endpoint(from, in: analysis)
        let destination = try endpoint(to, in: analysis)
        guard let decision = analysis.decide(from: source, to: destination, proto: port.proto, port: port.port) else {
            throw ValidationError("one end must be a pod: no policy governs traffic between two outside addresses")
        }
        let report = ExplainReport(from: from, to: to, decision: decision)
        switch output.format {
        case .json: try output.write(try JSONOutput.encode(report))
        default: try output.write(report.text)
        }
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
