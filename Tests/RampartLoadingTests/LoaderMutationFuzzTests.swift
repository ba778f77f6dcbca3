import Foundation
import RampartLoading
import Testing
import TestSupport

/// A seeded, bounded fuzz run: real manifests mutated byte by byte (flips, deletions, duplications,
/// insertions of YAML syntax) must load or fail cleanly: no crash, no hang, every error with a line.
/// `RAMPART_FUZZ_ITERATIONS` raises the bound (CI runs it longer than the default).
@Suite struct LoaderMutationFuzzTests {
    static let seeds: [String] = {
        var seeds = [
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: {a: b}}\nspec:\n  containers:\n  - name: c\n    image: nginx:1\n    env: [{name: PASSWORD, value: x}]\n",
            "{\"kind\": \"List\", \"items\": [{\"kind\": \"Service\", \"metadata\": {\"name\": \"s\"}}]}",
            "a: &x [1, 2]\nb: *x\nkind: ConfigMap\ndata:\n  k: |\n    text\n---\nkind: Secret\n",
        ]
        if let shared = Fixtures.sharedDirectory {
            let files = Fixtures.files(under: shared.appendingPathComponent("corpus"))
            for file in stride(from: 0, to: files.count, by: max(1, files.count / 40)).map({ files[$0] }) {
                if let data = try? Data(contentsOf: file), data.count < 200_000 { seeds.append(String(decoding: data, as: UTF8.self)) }
            }
        }
        return seeds
    }()

    static let tokens: [[UInt8]] = ["&a ", "*a", "<<: ", "---\n", "? ", "[", "{", "\"", "'", "\t", "- ", ": ", "!!str ", "|\n", "\u{FEFF}", "\0"]
        .map { Array($0.utf8) }

    @Test func mutatedManifestsNeverCrashTheLoader() {
        let iterations = Int(ProcessInfo.processInfo.environment["RAMPART_FUZZ_ITERATIONS"] ?? "") ?? 3_000
        var random = SplitMix64(seed: 0x5EED)
        for iteration in 0..<iterations {
            var bytes = Array(Self.seeds[iteration % Self.seeds.count].utf8)
            for _ in 0...(random.next() % 4) { mutate(&bytes, &random) }
            let result = ManifestLoader.load(bytes, file: "fuzz-\(iteration).yaml")
            #expect(result.errors.allSatisfy { $0.line >= 1 && $0.file == "fuzz-\(iteration).yaml" })
        }
    }

    private func mutate(_ bytes: inout [UInt8], _ random: inout SplitMix64) {
        guard !bytes.isEmpty else { bytes = Self.tokens[0]; return }
        let at = Int(random.next() % UInt64(bytes.count))
        switch random.next() % 5 {
        case 0: bytes[at] ^= UInt8(truncatingIfNeeded: random.next() | 1)
        case 1: bytes.removeSubrange(at..<min(bytes.count, at + Int(random.next() % 16) + 1))
        case 2: bytes.insert(contentsOf: Self.tokens[Int(random.next() % UInt64(Self.tokens.count))], at: at)
        case 3:
            let end = min(bytes.count, at + Int(random.next() % 64) + 1)
            bytes.insert(contentsOf: bytes[at..<end], at: end)
        default: bytes[at] = UInt8(truncatingIfNeeded: random.next())
        }
    }
}
