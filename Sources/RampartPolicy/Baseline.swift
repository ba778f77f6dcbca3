import RampartLoading
import RampartModel
import RampartRules

/// Findings recorded in an earlier JSON report; findings found again are not new.
public struct Baseline: Sendable {
    public let fingerprints: Set<String>

    /// Reads a `rampart audit --format json` report.
    public static func parse(_ bytes: [UInt8], file: String) -> (Baseline, [InputError]) {
        let loaded = ManifestLoader.documents(bytes, file: file)
        var fingerprints: Set<String> = []
        var errors = loaded.errors
        guard let findings = loaded.documents.first?["findings"], findings.isSequence else {
            if errors.isEmpty { errors.append(InputError(file: file, line: 1, message: "not a rampart JSON report (no 'findings')")) }
            return (Baseline(fingerprints: []), errors)
        }
        for finding in findings.items {
            let object = finding["object"]
            fingerprints.insert(Finding.fingerprint(ruleId: finding["ruleId"]?.string ?? "", kind: object?["kind"]?.string ?? "",
                                                    namespace: object?["namespace"]?.string, name: object?["name"]?.string ?? "",
                                                    path: finding["path"]?.string ?? ""))
        }
        return (Baseline(fingerprints: fingerprints), errors)
    }

    public func contains(_ finding: Finding) -> Bool {
        fingerprints.contains(finding.fingerprint)
    }
}
