import Foundation

/// Reads the JSON reports of image scanners into `ScannedImage`s: Trivy's image report
/// (`trivy image --format json`: `ArtifactName`, `Metadata`, `Results`), Trivy's cluster report
/// (`trivy k8s --format json`: `Resources`, or `Vulnerabilities` in older versions, each with the
/// workload's namespace, kind and name) and Grype's (`grype -o json`: `matches` and `source`).
/// Pure: the caller reads the bytes.
public enum ScannerReport {
    /// Why a report cannot be read.
    public struct Failure: Error, Sendable, Equatable {
        public var message: String
    }

    /// The images of the report in `bytes`; `file` names it in the images' `source`.
    public static func parse(_ bytes: [UInt8], file: String) throws(Failure) -> [ScannedImage] {
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: Data(bytes))
        } catch {
            throw Failure(message: "not JSON (a Trivy or Grype report in JSON format is expected)")
        }
        guard let root = json as? [String: Any] else { throw Failure(message: "not a JSON object (a Trivy or Grype report is expected)") }
        if let matches = root["matches"] as? [[String: Any]] {
            return [grype(matches, source: root["source"] as? [String: Any], file: file)]
        }
        if let resources = (root["Resources"] ?? root["Vulnerabilities"]) as? [[String: Any]], root["ClusterName"] != nil {
            return resources.map { trivyResource($0, file: file) }
        }
        if root["ArtifactName"] != nil || root["Results"] != nil {
            return [trivyImage(root, file: file)]
        }
        throw Failure(message: "neither a Trivy report (ArtifactName, Results; ClusterName, Resources) nor a Grype report (matches)")
    }

    private static func trivyImage(_ root: [String: Any], file: String) -> ScannedImage {
        let metadata = root["Metadata"] as? [String: Any] ?? [:]
        var image = trivyMetadata([metadata], file: file)
        if let name = root["ArtifactName"] as? String { image.references.insert(name, at: 0) }
        image.vulnerabilities = trivyVulnerabilities(root["Results"])
        return image
    }

    private static func trivyResource(_ resource: [String: Any], file: String) -> ScannedImage {
        var image = trivyMetadata(resource["Metadata"] as? [[String: Any]] ?? [], file: file)
        if let kind = resource["Kind"] as? String, let name = resource["Name"] as? String {
            image.workload = "\(resource["Namespace"] as? String ?? "")/\(kind)/\(name)"
        }
        image.vulnerabilities = trivyVulnerabilities(resource["Results"])
        return image
    }

    private static func trivyMetadata(_ metadata: [[String: Any]], file: String) -> ScannedImage {
        let tags = metadata.flatMap { $0["RepoTags"] as? [String] ?? [] }
        let repoDigests = metadata.flatMap { $0["RepoDigests"] as? [String] ?? [] }
        return ScannedImage(references: tags + repoDigests, digests: repoDigests.compactMap { ImageReference($0).digest },
                            vulnerabilities: [], source: file)
    }

    private static func trivyVulnerabilities(_ results: Any?) -> [Vulnerability] {
        (results as? [[String: Any]] ?? []).flatMap { result in
            (result["Vulnerabilities"] as? [[String: Any]] ?? []).compactMap { entry in
                guard let id = entry["VulnerabilityID"] as? String else { return nil }
                let fixed = (entry["FixedVersion"] as? String).flatMap { $0.isEmpty ? nil : $0 }
                return Vulnerability(id: id, severity: Vulnerability.severity(entry["Severity"] as? String ?? ""),
                                     package: entry["PkgName"] as? String ?? "", installed: entry["InstalledVersion"] as? String ?? "",
                                     fixed: fixed)
            }
        }
    }

    private static func grype(_ matches: [[String: Any]], source: [String: Any]?, file: String) -> ScannedImage {
        let target = source?["target"] as? [String: Any] ?? [:]
        let tags = target["tags"] as? [String] ?? []
        let repoDigests = target["repoDigests"] as? [String] ?? []
        let input = (target["userInput"] as? String).map { [$0] } ?? []
        let digests = repoDigests.compactMap { ImageReference($0).digest } + ((target["manifestDigest"] as? String).map { [$0] } ?? [])
        let vulnerabilities = matches.compactMap { match -> Vulnerability? in
            guard let vulnerability = match["vulnerability"] as? [String: Any], let id = vulnerability["id"] as? String else { return nil }
            let artifact = match["artifact"] as? [String: Any] ?? [:]
            let fix = vulnerability["fix"] as? [String: Any] ?? [:]
            let fixed = (fix["versions"] as? [String] ?? []).first.flatMap { fix["state"] as? String == "fixed" || fix["state"] == nil ? $0 : nil }
            return Vulnerability(id: id, severity: Vulnerability.severity(vulnerability["severity"] as? String ?? ""),
                                 package: artifact["name"] as? String ?? "", installed: artifact["version"] as? String ?? "", fixed: fixed)
        }
        return ScannedImage(references: input + tags + repoDigests, digests: digests, vulnerabilities: vulnerabilities, source: file)
    }
}
