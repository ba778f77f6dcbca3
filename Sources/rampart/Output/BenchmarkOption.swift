import ArgumentParser
import RampartRules

extension CISBenchmark: ExpressibleByArgument {
    public var defaultValueDescription: String { rawValue }
}

/// `--benchmark`: the CIS Kubernetes Benchmark version whose numbers the findings' standards show.
struct BenchmarkOption: ParsableArguments {
    @Option(help: ArgumentHelp("CIS Kubernetes Benchmark version whose numbers the standards show: "
                               + CISBenchmark.allCases.map(\.rawValue).joined(separator: ", ") + ".", valueName: "version"))
    var benchmark: CISBenchmark = .standard
}
