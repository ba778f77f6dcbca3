import RampartModel
import RampartRules

/// The catalog rules that CEL expresses, each as the validations of its policy over pod-bearing
/// objects, and the reason each other rule does not export.
enum CatalogPolicies {
    /// A validation of a pod-bearing policy: the expression, the field under the pod spec it
    /// judges, and the message expression that follows the rule ID and that field.
    struct PodValidation {
        var expression: String
        var field: String
        var detail: String
    }

    /// `images.latest-tag`: every image has a digest, or a tag other than `latest`.
    static let latestTag = PodValidation(
        expression: """
            variables.containers.all(c, !has(c.image) || type(c.image) != string || c.image.contains('@') \
            || (c.image.substring(c.image.lastIndexOf('/') + 1).contains(':') \
            && !c.image.substring(c.image.lastIndexOf('/') + 1).endsWith(':latest')))
            """,
        field: "containers[].image",
        detail: """
            variables.containers.filter(c, has(c.image) && type(c.image) == string && !c.image.contains('@') \
            && (!c.image.substring(c.image.lastIndexOf('/') + 1).contains(':') \
            || c.image.substring(c.image.lastIndexOf('/') + 1).endsWith(':latest'))).map(c, c.image).join(', ') \
            + ' resolves to the moving tag latest'
            """)

    /// `images.no-digest`: every image is pinned by a digest.
    static let noDigest = PodValidation(
        expression: "variables.containers.all(c, !has(c.image) || type(c.image) != string || c.image.contains('@'))",
        field: "containers[].image",
        detail: """
            variables.containers.filter(c, has(c.image) && type(c.image) == string && !c.image.contains('@')).map(c, c.image) \
            .join(', ') + ' without a digest'
            """)

    /// Pod Security checks by upstream check ID. Baseline checks: every level but `privileged`
    /// includes them, so the policy passes in namespaces judged at `privileged`; at `restricted`,
    /// `restrictedVolumes` reports hostPath volumes instead of `hostPathVolumes` (as upstream), so
    /// that one judges `baseline` pods only.
    static let podSecurity: [String: PodValidation] = [
        "privileged": PodValidation(
            expression: """
                variables.podSecurityLevel == 'privileged' || variables.containers.all(c, !has(c.securityContext) \
                || c.securityContext == null || !has(c.securityContext.privileged) || c.securityContext.privileged != true)
                """,
            field: "containers[].securityContext.privileged",
            detail: """
                'privileged containers ' + variables.containers.filter(c, has(c.securityContext) && c.securityContext != null \
                && has(c.securityContext.privileged) && c.securityContext.privileged == true).map(c, c.name).join(', ')
                """),
        "hostNamespaces": PodValidation(
            expression: """
                variables.podSecurityLevel == 'privileged' || ['hostNetwork', 'hostPID', 'hostIPC'].all(k, \
                !(k in variables.podSpec) || variables.podSpec[k] != true)
                """,
            field: "hostNetwork|hostPID|hostIPC",
            detail: """
                'shares the node\\'s ' + ['hostNetwork', 'hostPID', 'hostIPC'].filter(k, k in variables.podSpec \
                && variables.podSpec[k] == true).join(', ')
                """),
        "hostPorts": PodValidation(
            expression: """
                variables.podSecurityLevel == 'privileged' || variables.containers.all(c, !has(c.ports) || type(c.ports) != list \
                || c.ports.all(p, !has(p.hostPort) || type(p.hostPort) != int || p.hostPort == 0))
                """,
            field: "containers[].ports[].hostPort",
            detail: """
                'containers ' + variables.containers.filter(c, has(c.ports) && type(c.ports) == list \
                && c.ports.exists(p, has(p.hostPort) && type(p.hostPort) == int && p.hostPort != 0)).map(c, c.name).join(', ') \
                + ' use host ports'
                """),
        "hostPathVolumes": PodValidation(
            expression: """
                variables.podSecurityLevel != 'baseline' || !has(variables.podSpec.volumes) || type(variables.podSpec.volumes) != list \
                || variables.podSpec.volumes.all(v, !('hostPath' in v))
                """,
            field: "volumes[].hostPath",
            detail: """
                'hostPath volumes ' + variables.podSpec.volumes.filter(v, 'hostPath' in v).map(v, has(v.name) ? string(v.name) : '').join(', ')
                """),
    ]

    /// The CEL form of a catalog rule, when one is written.
    static func validation(for rule: any Rule) -> PodValidation? {
        switch rule {
        case let check as PodSecurityCheckRule: podSecurity[check.check]
        case is ImagesLatestTag: latestTag
        case is ImagesNoDigest: noDigest
        default: nil
        }
    }

    /// Service rules: the validation and the message after the rule ID, by the rule's type.
    static func serviceValidation(for rule: any Rule) -> (expression: String, message: String)? {
        let type = "has(object.spec) && has(object.spec.type) && object.spec.type == "
        switch rule {
        case is ExposureNodePort: return ("!(\(type)'NodePort')", "' at spec.type: Service of type NodePort listens on every node'")
        case is ExposureLoadBalancer: return ("!(\(type)'LoadBalancer')", "' at spec.type: Service is a LoadBalancer'")
        case is ExposureExternalIPs:
            return ("""
                !has(object.spec) || !has(object.spec.externalIPs) || type(object.spec.externalIPs) != list \
                || object.spec.externalIPs.all(a, a == null || type(a) == map || type(a) == list)
                """, "' at spec.externalIPs: Service claims external IPs'")
        default: return nil
        }
    }

    /// The policy of catalog rule `rule`, or the reason it does not export.
    static func policy(for rule: any Rule, platform: Set<String>) -> Result<ExportedPolicy, NotExported> {
        guard rule.scope.judgesOneObject else {
            return .failure(NotExported(rule: rule.metadata.id, reason: "judges the whole inventory (bindings, policies, tenants), not one object"))
        }
        if let service = serviceValidation(for: rule) {
            return .success(ExportedPolicy(rule: rule.metadata, resources: [.init(groups: [""], resources: ["services"])],
                                           operations: ["CREATE", "UPDATE"], namespaceSelector: LabelSelector(),
                                           objectSelector: LabelSelector(), variables: [],
                                           validations: [.init(expression: service.expression,
                                                               messageExpression: "'\(rule.metadata.id)' + \(service.message)")],
                                           tenants: nil, trust: nil))
        }
        guard let validation = validation(for: rule) else {
            return .failure(NotExported(rule: rule.metadata.id, reason: "judges one object, but its CEL form is not written yet"))
        }
        let message = "'\(rule.metadata.id) at ' + variables.specPath + '.\(validation.field): ' + \(validation.detail)"
        return .success(ExportedPolicy(rule: rule.metadata, resources: PodSpecExpressions.resources, operations: ["CREATE", "UPDATE"],
                                       namespaceSelector: LabelSelector(), objectSelector: LabelSelector(),
                                       variables: PodSpecExpressions.variables(platform: platform),
                                       validations: [.init(expression: validation.expression, messageExpression: message)],
                                       tenants: nil, trust: nil))
    }
}

/// A rule left out of the export, and why.
public struct NotExported: Error, Sendable, Hashable {
    public var rule: String
    public var reason: String
}
