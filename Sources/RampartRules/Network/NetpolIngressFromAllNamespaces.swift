import RampartModel
import RampartNetwork

/// `netpol.ingress-from-all-namespaces`: an ingress peer with an empty `namespaceSelector`.
public struct NetpolIngressFromAllNamespaces: Rule {
    public let metadata = RuleMetadata(
        id: "netpol.ingress-from-all-namespaces",
        title: "Policy allows ingress from every namespace",
        severity: .medium, layer: .network,
        standards: ["NSA/CISA: network separation"],
        rationale: """
            `namespaceSelector: {}` matches every namespace, every tenant's included. Combined with a pod \
            selector it still admits any tenant that puts the matching label on its own pods: labels are \
            chosen by whoever writes the pod.
            """,
        remediation: """
            Select the namespaces that need access by a label only the platform sets, such as \
            `kubernetes.io/metadata.name`, instead of `namespaceSelector: {}`.
            """)

    public init() {}

    public var reads: Set<ResourceKind> { NetworkAnalysis.reads }

    public func evaluate(in context: AuditContext) -> [Violation] {
        context.peerViolations(.ingress) { peer in
            switch peer {
            case nil:
                return nil  // a rule without `from` admits every source: netpol.ingress-from-outside reports it
            case .namespaces(let namespaces) where namespaces.isEmpty:
                return "ingress from every pod of every namespace"
            case .podsInNamespaces(let pods, let namespaces) where namespaces.isEmpty:
                return pods.isEmpty ? "ingress from every pod of every namespace"
                    : "ingress from pods of any namespace that carry the selected labels, which any tenant can set"
            case .namespaces, .podsInNamespaces, .pods, .ipBlock, .nodes, .unknownAddresses, .invalid:
                return nil
            }
        }
    }
}
