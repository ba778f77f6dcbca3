import RampartModel
import RampartTenancy

/// `exposure.reference-without-grant`: Gateway API reference into another namespace without a ReferenceGrant.
public struct ExposureReferenceWithoutGrant: Rule {
    public let metadata = RuleMetadata(
        id: "exposure.reference-without-grant",
        title: "Gateway API reference into another namespace without a ReferenceGrant",
        severity: .medium, layer: .network,
        standards: ["Gateway API: ReferenceGrant", "NSA/CISA: multi-tenancy"],
        rationale: """
            A route's backendRefs (or a Gateway's certificateRefs) that name a Service (or Secret) of another namespace need a ReferenceGrant in that namespace, the owner's consent. Conformant controllers refuse the reference without one (the route breaks); controllers that do not check grants send traffic into, or serve the certificate of, another namespace, perhaps another tenant's.
            """,
        remediation: """
            Have the target namespace's owner add a ReferenceGrant that allows exactly this kind and namespace (`spec.from`) to exactly this object (`spec.to` with `name`), or move the route next to its backend.
            """)

    public var reads: Set<ResourceKind> { Set(ResourceKind.gatewayRoutes).union([.gateways, .referenceGrants]) }

    public init() {}

    public func evaluate(in context: AuditContext) -> [Violation] {
        CrossNamespaceReferences(context.inventory).references.filter { !$0.granted }.map { reference in
            Violation(object: reference.from, path: reference.path,
                      message: "\(reference.from.kind) refers to \(reference.target) and no ReferenceGrant in \(reference.namespace) allows it")
        }
    }
}
