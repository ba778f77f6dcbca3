import Foundation

/// `rampart-bench`: the benchmark's helper commands.
///
///     rampart-bench generate --objects N [--namespaces M | --profile namespace-heavy] [--seed S] [-o FILE]
///     rampart-bench generate-rbac --roles R --bindings B [--tenants T] [--seed S] [-o FILE]
///     rampart-bench generate-netpol --pods P --namespaces N --policies K --admin A [--seed S] [-o FILE]
///     rampart-bench floor FILE...
///     rampart-bench load FILE...
///     rampart-bench decide REVIEW.json [ITERATIONS]
///     rampart-bench parse REVIEW.json [ITERATIONS] [tree|selected|foundation-tree|foundation]
let usage = """
    usage: rampart-bench generate --objects N [--namespaces M | --profile namespace-heavy] [--seed S] [-o FILE]
           rampart-bench generate-rbac --roles R --bindings B [--tenants T] [--seed S] [-o FILE]   (R >= 5, B >= 1, T >= 1)
           rampart-bench generate-netpol --pods P --namespaces N --policies K --admin A [--seed S] [-o FILE]   (N >= 1)
           rampart-bench floor FILE...
           rampart-bench load FILE...
           rampart-bench decide REVIEW.json [ITERATIONS]
           rampart-bench parse REVIEW.json [ITERATIONS] [tree|selected|foundation-tree|foundation]
    """

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

/// The options of the generate commands: counts by flag, the seed and the output.
struct GenerateOptions {
    var counts: [String: Int] = [:]
    var seed: UInt64 = 1
    var output: String?
    var profile: String?

    init(_ arguments: [String], counts flags: Set<String>) {
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else { fail(usage) }
            switch flag {
            case "--seed", "-s": seed = UInt64(value) ?? seed
            case "--output", "-o": output = value
            case "--profile": profile = value
            case "-n": counts["--objects"] = Int(value)
            case _ where flags.contains(flag): counts[flag] = Int(value)
            default: fail(usage)
            }
        }
    }

    /// The file to write, or standard output.
    func handle() -> FileHandle {
        guard let output else { return FileHandle.standardOutput }
        guard FileManager.default.createFile(atPath: output, contents: nil),
              let file = FileHandle(forWritingAtPath: output) else { fail("cannot write \(output)") }
        return file
    }
}

/// The namespace-heavy profile's density: one single-namespace tenant per this many objects.
let objectsPerNamespace = 15

func generate(_ arguments: [String]) {
    let options = GenerateOptions(arguments, counts: ["--objects", "--namespaces"])
    guard let objects = options.counts["--objects"], objects > 0 else { fail(usage) }
    let layout: ClusterGenerator.Layout
    switch (options.counts["--namespaces"], options.profile) {
    case (nil, nil): layout = .drawn
    case (let namespaces?, nil) where namespaces > 0: layout = .namespaces(namespaces)
    case (nil, "namespace-heavy"): layout = .namespaces(max(1, objects / objectsPerNamespace))
    default: fail(usage)
    }
    var generator = ClusterGenerator(seed: options.seed, sink: ObjectSink(capacity: objects, handle: options.handle()))
    generator.run(layout)
}

func generateRBAC(_ arguments: [String]) {
    let options = GenerateOptions(arguments, counts: ["--roles", "--bindings", "--tenants"])
    guard let roles = options.counts["--roles"], let bindings = options.counts["--bindings"], roles >= 5, bindings >= 1,
          (options.counts["--tenants"] ?? 1) >= 1 else { fail(usage) }
    var generator = ClusterGenerator(seed: options.seed, sink: ObjectSink(capacity: Int.max, handle: options.handle()))
    generator.runRBAC(RBACPlan(roles: roles, bindings: bindings, tenants: options.counts["--tenants"]))
}

func generateNetpol(_ arguments: [String]) {
    let options = GenerateOptions(arguments, counts: ["--pods", "--namespaces", "--policies", "--admin"])
    guard let pods = options.counts["--pods"], let namespaces = options.counts["--namespaces"], namespaces >= 1,
          let policies = options.counts["--policies"], let admin = options.counts["--admin"] else { fail(usage) }
    var generator = ClusterGenerator(seed: options.seed, sink: ObjectSink(capacity: Int.max, handle: options.handle()))
    generator.runNetpol(NetpolPlan(pods: pods, namespaces: namespaces, policies: policies, adminPolicies: admin))
}

func floor(_ paths: [String]) {
    guard !paths.isEmpty else { fail(usage) }
    let start = Date()
    var events = 0
    var bytes = 0
    for path in paths {
        guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
        guard let count = Floor.countEvents(data) else { fail("libyaml rejects \(path)") }
        events += count
        bytes += data.count
    }
    let seconds = Date().timeIntervalSince(start)
    print("events \(events) bytes \(bytes) seconds \(String(format: "%.3f", seconds))")
}

let arguments = CommandLine.arguments.dropFirst()
switch arguments.first {
case "generate": generate(Array(arguments.dropFirst()))
case "generate-rbac": generateRBAC(Array(arguments.dropFirst()))
case "generate-netpol": generateNetpol(Array(arguments.dropFirst()))
case "floor": floor(Array(arguments.dropFirst()))
case "load": load(Array(arguments.dropFirst()))
case "decide": decide(Array(arguments.dropFirst()))
case "parse": parse(Array(arguments.dropFirst()))
default: fail(usage)
}
