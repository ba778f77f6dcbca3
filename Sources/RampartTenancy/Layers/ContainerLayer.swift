import RampartModel

/// Containers, the supply chain of the tenant's images: whether they come from the allowed
/// registries (the configuration's, narrowed by the tenant's own), whether an enforcing policy
/// verifies their signatures in each of the tenant's namespaces, and whether scanners found
/// vulnerabilities in them that a newer package fixes. Each gap keeps the tenant below `hard`; an
/// untrusted tenant's gaps weigh more and keep it at `soft`, and for it vulnerabilities below
/// critical count as gaps too (for a trusted tenant they warn).
enum ContainerLayer {
    static func evaluate(_ tenant: Tenant, _ context: TenancyContext, _ facts: ContainerImageFacts) -> LayerBuilder {
        var layer = LayerBuilder(.containers, tenant)
        let findings = tenant.namespaces.flatMap { facts.findingsByNamespace[$0] ?? [] }
        let gapLevel: IsolationLevel = tenant.spec.isUntrusted ? .soft : .softAffinity
        registries(tenant, facts, findings, gapLevel, &layer)
        vulnerabilities(tenant, facts, findings, gapLevel, &layer)
        signatures(tenant, context, facts, findings, gapLevel, &layer)
        return layer
    }

    private static func registries(_ tenant: Tenant, _ facts: ContainerImageFacts, _ findings: [ContainerImageFacts.Finding],
                                   _ gapLevel: IsolationLevel, _ layer: inout LayerBuilder) {
        let outside = findings.filter { $0.concern == .untrustedRegistry }
        for finding in outside {
            layer.cap(to: gapLevel, finding.message, finding.object, finding.path, rules: [.untrustedRegistry])
        }
        let own = tenant.spec.registries
        if !facts.registryAllowList && own.isEmpty {
            layer.note("no registry allow-list applies to the tenant (registries in the configuration or the tenancy file)")
        } else if outside.isEmpty {
            layer.pass("every image comes from an allowed registry" + (own.isEmpty ? "" : " of the tenant's (\(own.joined(separator: ", ")))"))
        }
    }

    private static func vulnerabilities(_ tenant: Tenant, _ facts: ContainerImageFacts, _ findings: [ContainerImageFacts.Finding],
                                        _ gapLevel: IsolationLevel, _ layer: inout LayerBuilder) {
        guard facts.scanned else {
            layer.note("no vulnerability reports among the inputs (--vulnerabilities, Trivy Operator): vulnerabilities not judged")
            return
        }
        let vulnerable = findings.filter { $0.concern == .criticalVulnerabilities || $0.concern == .vulnerabilities }
        for finding in vulnerable {
            if finding.concern == .criticalVulnerabilities || tenant.spec.isUntrusted {
                layer.cap(to: gapLevel, finding.message, finding.object, finding.path, rules: [.vulnerableImage])
            } else {
                layer.warn(finding.message, finding.object, finding.path, rules: [.vulnerableImage])
            }
        }
        if vulnerable.isEmpty {
            layer.pass("the vulnerability reports show nothing reportable with a fix in the tenant's images")
        }
    }

    private static func signatures(_ tenant: Tenant, _ context: TenancyContext, _ facts: ContainerImageFacts,
                                   _ findings: [ContainerImageFacts.Finding], _ gapLevel: IsolationLevel, _ layer: inout LayerBuilder) {
        for namespace in tenant.namespaces {
            guard let policies = facts.signaturePolicies[namespace], !policies.isEmpty else {
                layer.cap(to: gapLevel, "no signature verification policy applies in \(namespace): its images run unverified",
                          context.representative(of: namespace), rules: facts.verifiesSignatures ? [.unverifiedSignature] : [])
                continue
            }
            let unverified = findings.filter { $0.concern == .unverifiedSignature && $0.object.namespace == namespace }
            for finding in unverified {
                layer.cap(to: gapLevel, finding.message, finding.object, finding.path, rules: [.unverifiedSignature])
            }
            if unverified.isEmpty {
                layer.pass("\(namespace): \(policies.joined(separator: ", ")) verif\(policies.count == 1 ? "ies" : "y") the signatures of its images")
            }
        }
    }
}
