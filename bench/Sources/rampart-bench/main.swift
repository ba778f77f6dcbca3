import Foundation

/// `rampart-bench`: the benchmark's helper commands.
///
///     rampart-bench generate --objects N [--seed S] [-o FILE]
///     rampart-bench floor FILE...
let usage = """
    usage: rampart-bench generate --objects N [--seed S] [-o FILE]
           rampart-bench floor FILE...
    """

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

func generate(_ arguments: [String]) {
    var objects: Int?
    var seed: UInt64 = 1
    var output: String?
    var rest = arguments[...]
    while let flag = rest.popFirst() {
        guard let value = rest.popFirst() else { fail(usage) }
        switch flag {
        case "--objects", "-n": objects = Int(value)
        case "--seed", "-s": seed = UInt64(value) ?? seed
        case "--output", "-o": output = value
        default: fail(usage)
        }
    }
    guard let objects, objects > 0 else { fail(usage) }
    let handle: FileHandle
    if let output {
        guard FileManager.default.createFile(atPath: output, contents: nil),
              let file = FileHandle(forWritingAtPath: output) else { fail("cannot write \(output)") }
        handle = file
    } else {
        handle = FileHandle.standardOutput
    }
    var generator = ClusterGenerator(seed: seed, sink: ObjectSink(capacity: objects, handle: handle))
    generator.run()
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
case "floor": floor(Array(arguments.dropFirst()))
default: fail(usage)
}
