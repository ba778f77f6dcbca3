import RampartModel

/// `serviceaccounts.token-automount`: the pod mounts an API token, because neither the pod nor its
/// service account turns `automountServiceAccountToken` off.
public struct ServiceAccountsTokenAutomount: PodRule {
    public let metadata = RuleMetadata(
        id: "serviceaccounts.token-automount",
        title: "Pod mounts a service account API token",
        severity: .medium, layer: .secrets,
        standards: ["CIS 5.1.6", "NSA/CISA: authentication and authorization"],
        rationale: """
            Every container of the pod gets a token for the Kubernetes API. Code that does not call the API \
            does not need it, and a compromised container uses it to explore or attack the control plane.
            """,
        remediation: """
            Set `automountServiceAccountToken: false` on the pod spec or on its ServiceAccount; mount a \
            projected token only into the pods that call the API.
            """)

    public init() {}

    /// Platform components (DNS, ingress controllers, operators) call the API by design: their
    /// namespaces are skipped so the finding stays meaningful for tenants.
    /// Pods, and more: the service account decides whether its pods mount a token.
    public var reads: Set<ResourceKind> { ResourceKind.podBearing.union([.serviceAccounts]) }

    public func evaluate(_ pod: PodTemplate, in context: AuditContext) -> [Violation] {
        guard context.isTenantNamespace(pod.namespace) else { return [] }
        let path = pod.specPath.appending("automountServiceAccountToken")
        if let podSetting = pod.spec["automountServiceAccountToken"]?.bool {
            guard podSetting else { return [] }
            return [Violation(object: pod.object, path: path,
                              message: "pod sets automountServiceAccountToken: true for service account '\(pod.serviceAccountName)'")]
        }
        let account = context.inventory.serviceAccount(namespace: pod.namespace, name: pod.serviceAccountName)
        if let account, let accountSetting = account.root["automountServiceAccountToken"]?.bool {
            guard accountSetting else { return [] }
            return [Violation(object: pod.object, path: path,
                              message: "pod mounts the API token of service account '\(pod.serviceAccountName)', which sets automountServiceAccountToken: true",
                              notes: ["automountServiceAccountToken taken from ServiceAccount \(pod.namespace)/\(pod.serviceAccountName), as the API server would"])]
        }
        return [Violation(object: pod.object, path: path,
                          message: "pod mounts the API token of service account '\(pod.serviceAccountName)': automountServiceAccountToken is not false on the pod or its service account")]
    }
}
