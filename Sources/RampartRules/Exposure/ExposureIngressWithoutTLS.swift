import RampartModel

/// `exposure.ingress-without-tls`: an Ingress that serves hosts over plain HTTP.
public struct ExposureIngressWithoutTLS: ObjectRule {
    public let metadata = RuleMetadata(
        id: "exposure.ingress-without-tls",
        title: "Ingress without TLS",
        severity: .medium, layer: .network,
        standards: ["NSA/CISA: network separation"],
        rationale: "Without TLS, credentials and session cookies cross the network in clear text and can be altered in transit.",
        remediation: "Add a `spec.tls` entry for every host (cert-manager can issue the certificates).")

    public let kinds = ["Ingress"]

    public init() {}

    public func evaluate(_ object: KubeObject, in context: AuditContext) -> [Violation] {
        guard let spec = object.root["spec"] else { return [] }
        let tlsHosts = Set((spec["tls"]?.items ?? []).flatMap { ($0["hosts"]?.items ?? []).compactMap(\.string) })
        let hasCatchAllTLS = (spec["tls"]?.items ?? []).contains { ($0["hosts"]?.items ?? []).isEmpty }
        return (spec["rules"]?.items ?? []).enumerated().compactMap { index, rule in
            let host = rule["host"]?.string
            if hasCatchAllTLS || host.map(tlsHosts.contains) == true { return nil }
            return Violation(object: object, path: FieldPath("spec.rules").appending(index: index),
                             message: "Ingress serves \(host.map { "host '\($0)'" } ?? "every host") without TLS")
        }
    }
}
