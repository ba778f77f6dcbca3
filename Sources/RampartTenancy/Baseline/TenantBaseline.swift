/// The secure baseline of a new tenant, as manifests (`rampart tenant new`): per namespace a
/// Namespace with Pod Security labels, a ResourceQuota, a LimitRange, default-deny NetworkPolicies
/// with DNS and same-namespace traffic allowed, service accounts without token automount and a
/// tenant-admin Role and RoleBinding without cluster-scoped power; for untrusted tenants a
/// FlowSchema of its own; node placement guidance as comments. The output passes Rampart's own
/// audit and achieves the tenant's required isolation.
///
/// A baseline never creates or changes an object that other tenants share: its objects are the
/// tenant's Namespaces, what is inside them, and cluster-scoped objects named after the tenant that
/// only concern it (the FlowSchema). The sandbox RuntimeClass is the platform's: untrusted pods name
/// it, and the node pool goes on the tenant's own namespaces (node selector) and pods (tolerations),
/// never on the RuntimeClass, whose scheduling every tenant that uses it gets.
public struct TenantBaseline: Sendable {
    public var name: String
    public var trust: Trust
    public var namespaces: [String]
    /// The dedicated node pool's labels (`--node-pool k=v`), sorted by key.
    public var nodePool: [(key: String, value: String)]
    /// Quota overrides: `cpu`, `memory`, `storage` stand for their `requests.` keys; other keys as written.
    public var quota: [String: String]
    /// The platform's sandbox RuntimeClass that untrusted pods name (`--runtime-class`); referenced, never created.
    public var runtimeClass: String

    public static let defaultRuntimeClass = "gvisor"

    public init(name: String, trust: Trust, namespaces: [String] = [], nodePool: [String: String] = [:], quota: [String: String] = [:],
                runtimeClass: String = TenantBaseline.defaultRuntimeClass) {
        self.name = name
        self.runtimeClass = runtimeClass
        self.trust = trust
        self.namespaces = namespaces.isEmpty ? [name] : namespaces
        self.nodePool = nodePool.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) }
        self.quota = quota
    }

    /// The isolation the tenant requires: hard when untrusted, soft-affinity with a node pool, else soft.
    public var isolation: IsolationLevel {
        trust == .untrusted ? .hard : (nodePool.isEmpty ? .soft : .softAffinity)
    }

    /// Why the baseline cannot achieve the tenant's isolation, if it cannot.
    public var warnings: [String] {
        trust == .untrusted && nodePool.isEmpty
            ? ["untrusted tenants need a dedicated, tainted node pool for hard isolation: give --node-pool KEY=VALUE"] : []
    }

    /// The quota's `spec.hard`, defaults for the trust level with the overrides applied.
    public var quotaHard: [(key: String, value: String)] {
        var hard: [String: String] = trust == .untrusted
            ? ["requests.cpu": "4", "requests.memory": "8Gi", "limits.cpu": "8", "limits.memory": "16Gi", "pods": "20",
               "persistentvolumeclaims": "5", "requests.storage": "100Gi"]
            : ["requests.cpu": "8", "requests.memory": "16Gi", "limits.cpu": "16", "limits.memory": "32Gi", "pods": "50",
               "persistentvolumeclaims": "10", "requests.storage": "500Gi"]
        hard["services.loadbalancers"] = "0"
        hard["services.nodeports"] = "0"
        let shorthand = ["cpu": "requests.cpu", "memory": "requests.memory", "storage": "requests.storage"]
        for (key, value) in quota { hard[shorthand[key] ?? key] = value }
        return hard.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) }
    }

    /// Every manifest, as one YAML stream.
    public var yaml: String {
        var documents = [header] + namespaces.map(namespaceDocuments)
        if trust == .untrusted { documents.append(flowSchema) }
        return documents.joined(separator: "---\n") + placementGuide + tenancyEntry
    }

    private var header: String {
        """
        # Baseline of tenant \(name) (\(trust.rawValue), required isolation \(isolation.rawValue)), by rampart tenant new.
        # Check it with: rampart tenants check THESE-FILES PLATFORM-FILES

        """
    }

    private var poolText: String { nodePool.map { "\($0.key)=\($0.value)" }.joined(separator: ",") }

    private func namespaceDocuments(_ namespace: String) -> String {
        let level = trust == .untrusted ? "restricted" : "baseline"
        var annotations = ""
        if !nodePool.isEmpty {
            annotations = """
                  annotations:
                    # Needs the PodNodeSelector admission plugin: every pod of the namespace gets this node selector.
                    scheduler.alpha.kubernetes.io/node-selector: \(quoted(poolText))
                    rampart.dev/node-pool: \(quoted(poolText))

                """
        }
        return """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: \(namespace)
              labels:
                kubernetes.io/metadata.name: \(namespace)
                rampart.dev/tenant: \(quoted(name))
                rampart.dev/trust: \(trust.rawValue)
                rampart.dev/isolation: \(isolation.rawValue)
                pod-security.kubernetes.io/enforce: \(level)
                pod-security.kubernetes.io/enforce-version: latest
                pod-security.kubernetes.io/warn: restricted
                pod-security.kubernetes.io/audit: restricted
            \(annotations)---
            apiVersion: v1
            kind: ResourceQuota
            metadata:
              name: \(name)-quota
              namespace: \(namespace)
            spec:
              hard:
            \(quotaHard.map { "    \($0.key): \(quoted($0.value))" }.joined(separator: "\n"))
            ---
            apiVersion: v1
            kind: LimitRange
            metadata:
              name: \(name)-defaults
              namespace: \(namespace)
            spec:
              limits:
              - type: Container
                default:
                  cpu: 500m
                  memory: 512Mi
                defaultRequest:
                  cpu: 100m
                  memory: 128Mi
                max:
                  cpu: "2"
                  memory: 4Gi
            ---
            # Deny everything in and out unless another policy allows it.
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: default-deny
              namespace: \(namespace)
            spec:
              podSelector: {}
              policyTypes: [Ingress, Egress]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: allow-dns
              namespace: \(namespace)
            spec:
              podSelector: {}
              policyTypes: [Egress]
              egress:
              - to:
                - namespaceSelector:
                    matchLabels:
                      kubernetes.io/metadata.name: kube-system
                  podSelector:
                    matchLabels:
                      k8s-app: kube-dns
                ports:
                - port: 53
                  protocol: UDP
                - port: 53
                  protocol: TCP
            ---
            # Pods of the namespace may talk to each other, and to nothing else.
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: allow-same-namespace
              namespace: \(namespace)
            spec:
              podSelector: {}
              policyTypes: [Ingress, Egress]
              ingress:
              - from:
                - podSelector: {}
              egress:
              - to:
                - podSelector: {}
            ---
            # Pods that name no service account get no API token.
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: default
              namespace: \(namespace)
            automountServiceAccountToken: false
            ---
            # The account the tenant's workloads run as; mount a token only in pods that call the API.
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: \(name)-workload
              namespace: \(namespace)
            automountServiceAccountToken: false
            ---
            # Operate the namespace (read, restart, scale, configure) without Secrets, exec, RBAC or
            # cluster-scoped power. Workloads are deployed by the platform's pipeline, not by people.
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata:
              name: tenant-admin
              namespace: \(namespace)
            rules:
            - apiGroups: ["", apps, batch, networking.k8s.io, autoscaling, policy]
              resources: [pods, pods/log, services, endpoints, configmaps, persistentvolumeclaims, events, serviceaccounts,
                          resourcequotas, limitranges, deployments, replicasets, statefulsets, daemonsets, jobs, cronjobs,
                          ingresses, networkpolicies, horizontalpodautoscalers, poddisruptionbudgets]
              verbs: [get, list, watch]
            - apiGroups: [""]
              resources: [pods]
              verbs: [delete]
            - apiGroups: [apps]
              resources: [deployments/scale, statefulsets/scale]
              verbs: [get, update, patch]
            - apiGroups: [""]
              resources: [configmaps]
              verbs: [create, update, patch, delete]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: tenant-admin
              namespace: \(namespace)
            roleRef:
              apiGroup: rbac.authorization.k8s.io
              kind: Role
              name: tenant-admin
            subjects:
            - apiGroup: rbac.authorization.k8s.io
              kind: Group
              name: \(quoted(name + ":admins"))

            """
    }

    /// API Priority and Fairness: the tenant's service accounts share the `workload-low` level.
    private var flowSchema: String {
        """
        # The tenant's service accounts cannot crowd out the API server (API Priority and Fairness).
        apiVersion: flowcontrol.apiserver.k8s.io/v1
        kind: FlowSchema
        metadata:
          name: tenant-\(name)
        spec:
          priorityLevelConfiguration:
            name: workload-low
          matchingPrecedence: 1000
          distinguisherMethod:
            type: ByUser
          rules:
          - subjects:
        \(namespaces.map { "    - kind: Group\n      group:\n        name: system:serviceaccounts:\($0)" }.joined(separator: "\n"))
            resourceRules:
            - verbs: ["*"]
              apiGroups: ["*"]
              resources: ["*"]
              namespaces: ["*"]
              clusterScope: true
            nonResourceRules:
            - verbs: ["*"]
              nonResourceURLs: ["*"]

        """
    }

    private var placementGuide: String {
        var lines = [""]
        if trust == .untrusted {
            lines += ["# Sandbox: untrusted code runs in the platform's sandbox RuntimeClass \(runtimeClass) (gVisor, Kata).",
                      "# It is cluster-scoped and shared by every tenant that sandboxes: this baseline neither creates",
                      "# nor changes it (check that it exists: kubectl get runtimeclass \(runtimeClass)). Its scheduling,",
                      "# if it has one, is added to the tenant's pods: it must agree with the tenant's node pool.", "#"]
        }
        lines += ["# Node placement: in every workload's pod template of tenant \(name):", "#   spec:"]
        if trust == .untrusted { lines.append("#     runtimeClassName: \(runtimeClass)") }
        if nodePool.isEmpty {
            lines.append("#     (no dedicated node pool: the tenant shares nodes; give --node-pool KEY=VALUE for dedicated nodes)")
        } else {
            lines.append("#     nodeSelector:")
            lines += nodePool.map { "#       \($0.key): \(quoted($0.value))" }
            lines.append("#     tolerations:")
            lines += nodePool.map { "#     - {key: \($0.key), operator: Equal, value: \(quoted($0.value)), effect: NoSchedule}" }
            lines.append("# and taint the pool's nodes: kubectl taint nodes -l \(poolText) \(nodePool[0].key)=\(nodePool[0].value):NoSchedule")
        }
        lines.append("#     serviceAccountName: \(name)-workload")
        lines.append("#     securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}")
        lines.append("#     containers[*].securityContext: {allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The tenant's entry for a tenancy file.
    private var tenancyEntry: String {
        var lines = ["#", "# Its entry in a tenancy file (kind: Tenancy, under tenants:):",
                     "# - name: \(name)", "#   trust: \(trust.rawValue)", "#   untrustedCode: \(trust == .untrusted)",
                     "#   namespaces:", "#     names: [\(namespaces.joined(separator: ", "))]"]
        if !nodePool.isEmpty {
            lines += ["#   nodePool:", "#     matchLabels:"] + nodePool.map { "#       \($0.key): \(quoted($0.value))" }
        }
        lines.append("#   isolation: \(isolation.rawValue)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A YAML double-quoted scalar.
    private func quoted(_ text: String) -> String {
        "\"" + text.replacingBackslashesAndQuotes + "\""
    }
}

extension String {
    var replacingBackslashesAndQuotes: String {
        var result = ""
        for character in self {
            if character == "\\" || character == "\"" { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
