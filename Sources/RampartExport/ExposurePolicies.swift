import RampartRules

/// The exposure rules in CEL: Services and Ingresses.
enum ExposurePolicies {
    private static let services: [ExportedPolicy.Resources] = [.init(groups: [""], resources: ["services"])]
    private static let ingresses: [ExportedPolicy.Resources] = [.init(groups: ["networking.k8s.io", "extensions"], resources: ["ingresses"])]
    private static let serviceType = "\(CELFields.field("object", "spec.type")) == "

    static func validation(for rule: any Rule) -> ObjectValidation? {
        switch rule {
        case is ExposureNodePort:
            ObjectValidation(resources: services, expression: "!(\(serviceType)'NodePort')",
                             message: "' at spec.type: Service of type NodePort listens on every node'")
        case is ExposureLoadBalancer:
            ObjectValidation(resources: services, expression: "!(\(serviceType)'LoadBalancer')",
                             message: "' at spec.type: Service is a LoadBalancer'")
        case is ExposureExternalIPs:
            ObjectValidation(resources: services, expression: "!\(CELFields.list("object", "spec.externalIPs")).exists(a, \(CELFields.isScalar("a")))",
                             message: "' at spec.externalIPs: Service claims external IPs'")
        case is ExposureIngressWithoutTLS: ingressWithoutTLS
        default: nil
        }
    }

    private static let tls = CELFields.list("object", "spec.tls")

    /// `exposure.ingress-without-tls`: a TLS entry without hosts covers every rule; otherwise every
    /// rule names a host that some TLS entry lists.
    static let ingressWithoutTLS = ObjectValidation(
        resources: ingresses,
        expression: """
            \(CELFields.field("object", "spec")) == null || \(tls).exists(t, size(\(CELFields.list("t", "hosts"))) == 0) \
            || \(CELFields.list("object", "spec.rules")).all(r, \(CELFields.isScalar(CELFields.field("r", "host"))) \
            && \(tls).exists(t, r.host in \(CELFields.list("t", "hosts"))))
            """,
        message: "' at spec.rules: Ingress serves hosts without TLS'")
}
