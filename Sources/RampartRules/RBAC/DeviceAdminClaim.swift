import RampartModel
import RampartRBAC

/// `rbac.device-admin-claim`: a non-system subject may create ResourceClaims or ResourceClaimTemplates
/// with `adminAccess` in a tenant namespace: one labelled `resource.kubernetes.io/admin-access: "true"`,
/// or one whose labels it may also rewrite. The label on the Namespace itself is
/// `resources.device-admin-access`'s finding; this rule names who can use it, or set it.
struct DeviceAdminClaim: Rule {
    let metadata = RuleMetadata(
        id: "rbac.device-admin-claim",
        title: "Claim admin access to the devices of other tenants",
        severity: .high,
        layer: .controlPlane,
        standards: ["NSA/CISA: multi-tenancy", "Kubernetes: DRA admin access (KEP-5018)"],
        rationale: """
            The API server admits a ResourceClaim or ResourceClaimTemplate whose device request sets `adminAccess: true` \
            only in a namespace labelled `resource.kubernetes.io/admin-access: "true"` (DRAAdminAccess, beta and on by \
            default from Kubernetes 1.34). Such a claim is allocated devices already in use and ignores every ordinary \
            claim to them: whoever may create claims there, or may update the Namespace to add the label and create \
            claims there, gives its pods the GPUs and other devices of every tenant on a shared node.
            """,
        remediation: """
            Keep the label off tenant namespaces, and `update`/`patch` of namespaces (and their `status` and `finalize`) \
            away from tenants; run device monitoring that needs admin access from a platform namespace.
            """)

    var reads: Set<ResourceKind> { RBACPolicy.reads }

    /// What a subject creates to ask for admin access.
    static let claimCreation = Permission.requests(["create"], group: "resource.k8s.io", ["resourceclaims", "resourceclaimtemplates"])

    func evaluate(in context: AuditContext) -> [Violation] {
        let grants = DeviceClaimGrants(context)
        let labelled = Set(grants.tenantNamespaces.filter {
            context.inventory.namespaceLabels($0)?[ResourcesDeviceAdminAccess.label] == "true"
        })
        return grants.creators.compactMap { labelledViolation($0, labelled: labelled) }
            + relabelViolations(grants, labelled: labelled)
    }

    /// A grant to create claims in a namespace that already carries the label.
    private func labelledViolation(_ creator: DeviceClaimGrants.Grant, labelled: Set<String>) -> Violation? {
        let namespaces = (creator.namespaces.map { $0.intersection(labelled) } ?? labelled).sorted()
        guard !namespaces.isEmpty else { return nil }
        let reportable = creator.reportable
        return Violation(
            object: reportable.binding.object, path: "roleRef",
            message: "\(reportable.binding.reference) gives \(creator.who) \(creator.permission) \(creator.scope) through \(creator.roleKey), where \(Self.list(namespaces)) \(namespaces.count == 1 ? "is" : "are") labelled \(ResourcesDeviceAdminAccess.label)=true: claims there may take admin access to devices that other tenants' pods use",
            notes: [creator.note])
    }

    /// Grants to relabel a namespace, to subjects that may also create claims there.
    private func relabelViolations(_ grants: DeviceClaimGrants, labelled: Set<String>) -> [Violation] {
        grants.relabellers.flatMap { relabeller -> [Violation] in
            let candidates = (relabeller.namespaces ?? grants.tenantNamespaces).subtracting(labelled)
                .intersection(grants.tenantNamespaces)
            return relabeller.reportable.subjects.compactMap { bound -> Violation? in
                let creators = grants.creatorsBySubject[bound.subject] ?? []
                var both: [String: DeviceClaimGrants.Grant] = [:]
                for namespace in candidates {
                    both[namespace] = creators.first { $0.namespaces?.contains(namespace) ?? true }
                }
                guard let first = both.keys.min(), let creator = both[first] else { return nil }
                let namespaces = both.keys.sorted()
                return Violation(
                    object: relabeller.reportable.binding.object, path: "roleRef",
                    message: "\(relabeller.reportable.binding.reference) gives \(bound.subject.description) \(relabeller.permission) through \(relabeller.roleKey), and \(creator.reportable.binding.reference) lets it \(creator.permission) \(creator.scope): it may label \(Self.list(namespaces)) \(ResourcesDeviceAdminAccess.label)=true and claim admin access there to devices that other tenants' pods use",
                    notes: [relabeller.note, creator.note])
            }
        }
    }

    /// `namespace team-a`, `namespaces a, b, c, d, e and 2 more`.
    private static func list(_ names: [String]) -> String {
        let shown = names.prefix(5).joined(separator: ", ")
        let more = names.count > 5 ? " and \(names.count - 5) more" : ""
        return names.count == 1 ? "namespace \(shown)" : "namespaces \(shown)\(more)"
    }
}
