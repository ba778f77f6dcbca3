import RampartModel
import RampartTenancy

extension CustomRule {
    /// The layer of the tenancy verdict the rule's findings count against, from its declared
    /// `layer`: `network`, `secrets` and `control-plane` as named; `pod` → pod security; `container`
    /// → containers; `node` → compute; `tenancy` → fairness (the house rules of sharing a cluster).
    public var tenancyLayer: TenancyLayer {
        switch metadata.layer {
        case .network: .network
        case .secrets: .secrets
        case .controlPlane: .controlPlane
        case .pod: .podSecurity
        case .container: .containers
        case .node: .compute
        case .tenancy: .fairness
        }
    }

    /// The rule's findings as evidence of the tenancy verdict: at `severity` (the rule's, or the
    /// configuration's override) `critical` or `high`, a finding fails its layer (as the catalog's
    /// failing evidence does); lower, it warns.
    func layerFindings(in context: AuditContext, severity: Severity) -> [LayerFinding] {
        let objects = kinds.flatMap { context.inventory.objects(ofKind: $0) }
        return objects.flatMap { object in
            evaluate(object, in: context).map { violation in
                LayerFinding(layer: tenancyLayer, object: violation.object, path: violation.path,
                             message: "\(metadata.title): \(violation.message)", rule: metadata.id,
                             fails: severity >= .high)
            }
        }
    }
}
