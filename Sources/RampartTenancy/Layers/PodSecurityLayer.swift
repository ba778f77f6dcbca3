import RampartClusterAdmission
import RampartModel
import RampartPSS

/// Pod security: the namespaces' Pod Security admission labels against the level the tenant
/// needs (`restricted` for hard isolation, `baseline` at least otherwise), and the pods judged at
/// that level by the PSS engine.
///
/// Enforced `restricted` with conforming pods allows `hard`; `baseline` allows up to `soft-affinity`;
/// anything less allows nothing.
enum PodSecurityLayer {
    static func evaluate(_ tenant: Tenant, _ context: TenancyContext) -> LayerBuilder {
        var layer = LayerBuilder(.podSecurity, tenant)
        let needed: PolicyLevel = tenant.spec.requiredIsolation == .hard || tenant.spec.isUntrusted ? .restricted : .baseline
        for namespace in tenant.namespaces {
            labels(namespace, needed: needed, tenant, context, &layer)
        }
        for pod in context.pods(in: Set(tenant.namespaces)) {
            let violations = PodSecurity.evaluate(pod, level: needed, version: .latest)
            let name = "\(pod.object.kind) \(pod.namespace)/\(pod.object.name)"
            guard !violations.isEmpty else { continue }
            let worst = violations.contains { $0.level == .baseline } ? PolicyLevel.privileged : .baseline
            let checks = violations.map(\.check)
            let fields = violations.first?.fields.first.map { pod.templatePath.appending($0) } ?? pod.specPath
            layer.limit(to: ceiling(worst), "\(name) breaks Pod Security \(needed.rawValue): \(violations.map(\.reason).joined(separator: "; "))",
                        pod.object, fields, rules: checks.map(ReportingRule.podSecurityCheck))
        }
        return layer
    }

    /// The isolation a namespace or pod at `level` allows.
    static func ceiling(_ level: PolicyLevel) -> IsolationLevel {
        switch level {
        case .restricted: .hard
        case .baseline: .softAffinity
        case .privileged: .none
        }
    }

    /// The admission policies that reject every probed control of `level` in `namespace`, in
    /// words, or nil when some control is not enforced.
    private static func policiesEnforcing(_ level: PolicyLevel, in namespace: String, _ context: TenancyContext) -> String? {
        let coverage = context.admission.coverage(of: namespace)
        let controls = CoverageControl.podSecurityControls(of: level)
        guard !controls.isEmpty, controls.allSatisfy(coverage.enforced) else { return nil }
        let enforcers = Set(controls.flatMap { coverage.controls[$0, default: []].filter(\.rejects).map(\.description) })
        return enforcers.sorted().joined(separator: ", ")
    }

    private static func labels(_ namespace: String, needed: PolicyLevel, _ tenant: Tenant, _ context: TenancyContext,
                               _ layer: inout LayerBuilder) {
        guard let object = context.inventory.namespace(namespace) else {
            layer.limit(to: .none, "Namespace \(namespace) is not among the inputs: Pod Security admission's default (privileged) is assumed",
                        context.representative(of: namespace), rules: [.namespaceNotEnforced])
            return
        }
        let policy = NamespacePolicy(labels: object.labels)
        let path = FieldPath("metadata.labels").appending(NamespacePolicy.enforceLabel)
        let enforce = policy.enforce.level
        let text = "\(namespace) enforces Pod Security \(policy.enforce)"
        if enforce >= needed {
            layer.limit(to: ceiling(enforce), text, object, path)
            return
        }
        if let enforcers = policiesEnforcing(needed, in: namespace, context) {
            // Probes prove the controls they test, not the whole level: soft-affinity at most.
            layer.limit(to: min(ceiling(needed), .softAffinity),
                        text + "; below the \(needed.rawValue) the tenant needs, but \(enforcers) reject every probed control of it "
                            + "(the rest of the level is not proven)", object, path)
            return
        }
        let rules: [ReportingRule] = (enforce == .privileged ? [.namespaceNotEnforced] : []) + [.gap(.podSecurityBelowProfile)]
        if layer.limit(to: ceiling(enforce), text + "; the tenant needs \(needed.rawValue)", object, path, rules: rules) {
            let site = layer.site(object, NamespacePolicy.hasEnforceLabel(object.labels) ? path : "metadata.labels")
            layer.report(.podSecurityBelowProfile(site, namespace: namespace, enforced: enforce,
                                                  required: tenant.spec.requiredIsolation, needed: needed))
        }
    }
}
