import RampartModel
import RampartTenancy

/// `exposure.ingress-nginx-snippets`: ingress-nginx allows configuration snippets in Ingress annotations.
public struct ExposureIngressNginxSnippets: Rule {
    public let metadata = RuleMetadata(
        id: "exposure.ingress-nginx-snippets",
        title: "ingress-nginx allows configuration snippets in Ingress annotations",
        severity: .high, layer: .network,
        standards: ["CVE-2021-25742", "CVE-2025-1974", "NSA/CISA: multi-tenancy"],
        rationale: """
            With `allow-snippet-annotations: "true"` in the controller's ConfigMap, anyone who can write an Ingress injects nginx configuration into the shared controller (`*-snippet` annotations). The controller's service account reads every namespace's Secrets: a snippet reads them, or rewrites the routing of other tenants' hosts.
            """,
        remediation: """
            Set `allow-snippet-annotations: "false"` (the default since controller v1.9), keep `annotations-risk-level` below Critical, and give the platform's own snippets to a separate controller class that tenants cannot use.
            """)

    public var reads: Set<ResourceKind> { [.configMaps, .ingresses] }

    public init() {}

    public func evaluate(in context: AuditContext) -> [Violation] {
        let allowing = IngressNginxSnippets.allowing(context.inventory)
        guard !allowing.isEmpty else { return [] }
        let users = context.inventory.objects(ofKind: ResourceKind.ingresses.kind, group: ResourceKind.ingresses.group).filter {
            context.isTenantNamespace($0.namespace ?? "") && !IngressNginxSnippets.annotations(of: $0).isEmpty
        }
        let notes = users.map { "Ingress \($0.namespace ?? "")/\($0.name) sets \(IngressNginxSnippets.annotations(of: $0).joined(separator: ", "))" }
        return allowing.map { config in
            Violation(object: config, path: FieldPath("data").appending(IngressNginxSnippets.allowKey),
                      message: "ConfigMap allows snippet annotations in every namespace's Ingresses"
                          + (users.isEmpty ? "" : "; \(users.count) Ingress(es) of tenant namespaces use them"),
                      notes: notes)
        }
    }
}
