import RampartModel
import RampartTenancy

extension AuditContext {
    /// What the image rules find in the workloads of tenant namespaces, for the container layer of
    /// the tenancy verdict: the findings of `images.untrusted-registry`, `images.vulnerable` and
    /// `images.signature-not-verified`, and which signature policies apply in each tenant namespace.
    public var containerImageFacts: ContainerImageFacts {
        let registry = ImagesUntrustedRegistry()
        let vulnerable = ImagesVulnerable()
        let unverified = ImagesSignatureNotVerified()
        var findings: [ContainerImageFacts.Finding] = []
        func add(_ violation: Violation, _ concern: ContainerImageFacts.Finding.Concern) {
            findings.append(ContainerImageFacts.Finding(concern: concern, object: violation.object, path: violation.path, message: violation.message))
        }
        for pod in inventory.topLevelPodTemplates where isTenantNamespace(pod.namespace) {
            for violation in registry.evaluate(pod, in: self) { add(violation, .untrustedRegistry) }
            for (violation, critical) in vulnerable.findings(pod, in: self) { add(violation, critical ? .criticalVulnerabilities : .vulnerabilities) }
            for violation in unverified.evaluate(pod, in: self) { add(violation, .unverifiedSignature) }
        }
        let policies = signaturePolicies
        var applying: [String: [String]] = [:]
        for namespace in inventory.namespaceNames where isTenantNamespace(namespace) {
            let names = policies.names(applyingIn: namespace, labels: SignaturePolicies.labels(of: namespace, in: inventory))
            if !names.isEmpty { applying[namespace] = names }
        }
        return ContainerImageFacts(findings: findings, registryAllowList: !settings.allowedRegistries.isEmpty,
                                   scanned: !vulnerabilityScans.images.isEmpty, verifiesSignatures: !policies.list.isEmpty,
                                   signaturePolicies: applying)
    }
}
