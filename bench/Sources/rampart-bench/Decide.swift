import Foundation
import RampartAdmission
import RampartPolicy

/// `decide FILE [ITERATIONS]`: the webhook's work per request without the network: decoding the
/// AdmissionReview in FILE, the decision with the default configuration, and encoding the answer.
/// Prints the median microseconds of each phase over ITERATIONS rounds (default 20,000).
func decide(_ arguments: [String]) {
    guard let path = arguments.first else { fail(usage) }
    let iterations = arguments.dropFirst().first.flatMap { Int($0) } ?? 20_000
    guard iterations > 0, let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    let body = Array(data)
    let controller = AdmissionController(config: WebhookConfig())
    var phases: [(name: String, nanoseconds: [UInt64])] = [("decode", []), ("decide", []), ("encode", []), ("total", [])]
    for phase in phases.indices { phases[phase].nanoseconds.reserveCapacity(iterations) }
    var answerBytes = 0
    for _ in 0..<iterations {
        let start = DispatchTime.now().uptimeNanoseconds
        guard let review = try? AdmissionReview.decode(body) else { fail("\(path) is not an AdmissionReview") }
        let decoded = DispatchTime.now().uptimeNanoseconds
        let decision = controller.decide(review.request, today: "2026-01-01")
        let decided = DispatchTime.now().uptimeNanoseconds
        answerBytes = AdmissionReview.encode(decision.response, apiVersion: review.apiVersion).count
        let encoded = DispatchTime.now().uptimeNanoseconds
        phases[0].nanoseconds.append(decoded - start)
        phases[1].nanoseconds.append(decided - decoded)
        phases[2].nanoseconds.append(encoded - decided)
        phases[3].nanoseconds.append(encoded - start)
    }
    let medians = phases.map { phase in
        "\(phase.name) \(String(format: "%.1f", Double(phase.nanoseconds.sorted()[iterations / 2]) / 1000))"
    }
    print("µs median: " + medians.joined(separator: " ") + " (answer \(answerBytes) bytes)")
}
