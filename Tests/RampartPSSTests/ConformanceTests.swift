import Foundation
import RampartModel
import RampartPSS
import Testing
import TestSupport

/// The upstream fixtures of `../shared/conformance/pss`: every pod under
/// `<level>/<version>/pass` must be allowed at that level and version, every pod under `fail` denied.
@Suite struct ConformanceTests {
    @Test func everyUpstreamFixtureGetsItsVerdict() throws {
        guard let shared = Fixtures.sharedDirectory else { return }
        let root = shared.appendingPathComponent("conformance/pss")
        var cases = 0
        var wrong: [String] = []
        for file in Fixtures.files(under: root, extensions: ["yaml"]) {
            let parts = file.pathComponents.suffix(4)
            guard parts.count == 4, let level = PolicyLevel(parsing: parts[parts.startIndex]),
                  let version = PolicyVersion(parsing: parts[parts.startIndex + 1]) else { continue }
            let expectAllowed = parts[parts.startIndex + 2] == "pass"
            let text = try String(contentsOf: file, encoding: .utf8)
            let pods = Fixtures.objects(text, file: file.path).compactMap(PodTemplate.init)
            #expect(pods.count == 1, "\(file.path) holds one pod")
            for pod in pods {
                cases += 1
                let violations = PodSecurity.evaluate(pod, level: level, version: version)
                if violations.isEmpty != expectAllowed {
                    wrong.append("\(parts.joined(separator: "/")): \(violations.map(\.check))")
                }
                // One pass for several modes gives what separate evaluations give.
                let modes = PolicyLevel.allCases.map { LevelVersion(level: $0, version: version) }
                let together = PodSecurity.evaluate(metadata: pod.metadata, spec: pod.spec, modes: modes)
                let apart = modes.map { PodSecurity.evaluate(pod, level: $0.level, version: $0.version) }
                #expect(together.map { $0.map(\.check) } == apart.map { $0.map(\.check) }, "\(file.path)")
            }
        }
        #expect(cases > 3000, "the visible set holds 3270 fixtures")
        #expect(wrong.isEmpty, "\(wrong.count) wrong verdicts: \(wrong.prefix(10))")
    }
}
