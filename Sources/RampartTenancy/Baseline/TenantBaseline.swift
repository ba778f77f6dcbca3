import RampartModel

/// The secure baseline of a new tenant, as manifests (`rampart tenant new`): per namespace a
/// Namespace with Pod Security labels, a ResourceQuota, a LimitRange, default-deny NetworkPolicies
/// with DNS and same-namespace traffic allowed, service accounts without token automount and a
/// tenant-admin Role and RoleBinding without cluster-scoped power; a FlowSchema of its own (every
/// tenant, trusted too, can flood the shared API server); node placement guidance as comments. The output passes Rampart's own
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

    /// Why no baseline can be written for these settings, if none can: an untrusted tenant without a
    /// dedicated node pool cannot achieve hard isolation, so its baseline would fail its own audit.
    public var unmetRequirement: String? {
        guard trust == .untrusted, nodePool.isEmpty else { return nil }
        return "an untrusted tenant needs hard isolation, which needs a dedicated, tainted node pool: "
            + "give --node-pool KEY=VALUE, the label of the pool's nodes "
            + "(taint them too: kubectl taint nodes -l KEY=VALUE KEY=VALUE:NoSchedule)"
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
        YAMLWriter.stream(documents, header: header, footer: placementGuide + [""] + tenancyEntry)
    }

    /// Every object with the comments that explain it.
    public var documents: [YAMLWriter.Document] {
        namespaces.flatMap(namespaceDocuments) + [YAMLWriter.Document(flowSchema, comments: [
            "The tenant's service accounts cannot crowd out the API server (API Priority and Fairness).",
        ])]
    }

    private var header: [String] {
        ["Baseline of tenant \(name) (\(trust.rawValue), required isolation \(isolation.rawValue)), by rampart tenant new.",
         "Check it with: rampart tenants check THESE-FILES PLATFORM-FILES"]
    }

    private var poolText: String { nodePool.map { "\($0.key)=\($0.value)" }.joined(separator: ",") }

    /// `apiVersion`, `kind` and `metadata` (name, then namespace when given), then `body`.
    private func object(_ apiVersion: String, _ kind: String, name: String, namespace: String? = nil,
                        _ body: [(key: String, value: Node)] = []) -> Node {
        var metadata: [(key: String, value: Node)] = [(key: "name", value: .string(name))]
        if let namespace { metadata.append((key: "namespace", value: .string(namespace))) }
        return .mapping([(key: "apiVersion", value: .string(apiVersion)), (key: "kind", value: .string(kind)),
                         (key: "metadata", value: .mapping(metadata))] + body)
    }

    private func namespaceDocuments(_ namespace: String) -> [YAMLWriter.Document] {
        let level = trust == .untrusted ? "restricted" : "baseline"
        var metadata: [(key: String, value: Node)] = [
            (key: "name", value: .string(namespace)),
            (key: "labels", value: .strings([
                (key: "kubernetes.io/metadata.name", value: namespace),
                (key: "rampart.dev/tenant", value: name),
                (key: "rampart.dev/trust", value: trust.rawValue),
                (key: "rampart.dev/isolation", value: isolation.rawValue),
                (key: "pod-security.kubernetes.io/enforce", value: level),
                (key: "pod-security.kubernetes.io/enforce-version", value: "latest"),
                (key: "pod-security.kubernetes.io/warn", value: "restricted"),
                (key: "pod-security.kubernetes.io/audit", value: "restricted"),
            ])),
        ]
        var namespaceComments: [String] = []
        if !nodePool.isEmpty {
            metadata.append((key: "annotations", value: .strings([
                (key: "scheduler.alpha.kubernetes.io/node-selector", value: poolText),
                (key: "rampart.dev/node-pool", value: poolText),
            ])))
            namespaceComments = ["The node-selector annotation needs the PodNodeSelector admission plugin: every pod of the",
                                 "namespace gets this node selector."]
        }
        let everyPod = Node.mapping([:])
        let namespaceObject = Node.mapping(["apiVersion": .string("v1"), "kind": .string("Namespace"), "metadata": .mapping(metadata)])
        let quota = object("v1", "ResourceQuota", name: name + "-quota", namespace: namespace, [
            (key: "spec", value: .mapping(["hard": .strings(quotaHard)])),
        ])
        let limits = object("v1", "LimitRange", name: name + "-defaults", namespace: namespace, [
            (key: "spec", value: .mapping(["limits": .sequence([.mapping([
                "type": .string("Container"),
                "default": .strings([(key: "cpu", value: "500m"), (key: "memory", value: "512Mi"), (key: "ephemeral-storage", value: "1Gi")]),
                "defaultRequest": .strings([(key: "cpu", value: "100m"), (key: "memory", value: "128Mi"), (key: "ephemeral-storage", value: "256Mi")]),
                "max": .strings([(key: "cpu", value: "2"), (key: "memory", value: "4Gi")]),
            ])])])),
        ])
        let denyAll = object("networking.k8s.io/v1", "NetworkPolicy", name: "default-deny", namespace: namespace, [
            (key: "spec", value: .mapping(["podSelector": everyPod, "policyTypes": .strings(["Ingress", "Egress"])])),
        ])
        let dnsPort = { (proto: String) in Node.mapping(["port": .int(53), "protocol": .string(proto)]) }
        let allowDNS = object("networking.k8s.io/v1", "NetworkPolicy", name: "allow-dns", namespace: namespace, [
            (key: "spec", value: .mapping([
                "podSelector": everyPod,
                "policyTypes": .strings(["Egress"]),
                "egress": .sequence([.mapping([
                    "to": .sequence([.mapping([
                        "namespaceSelector": .mapping(["matchLabels": .strings([(key: "kubernetes.io/metadata.name", value: "kube-system")])]),
                        "podSelector": .mapping(["matchLabels": .strings([(key: "k8s-app", value: "kube-dns")])]),
                    ])]),
                    "ports": .sequence([dnsPort("UDP"), dnsPort("TCP")]),
                ])]),
            ])),
        ])
        let allowSameNamespace = object("networking.k8s.io/v1", "NetworkPolicy", name: "allow-same-namespace", namespace: namespace, [
            (key: "spec", value: .mapping([
                "podSelector": everyPod,
                "policyTypes": .strings(["Ingress", "Egress"]),
                "ingress": .sequence([.mapping(["from": .sequence([.mapping(["podSelector": everyPod])])])]),
                "egress": .sequence([.mapping(["to": .sequence([.mapping(["podSelector": everyPod])])])]),
            ])),
        ])
        let account = { (accountName: String) in
            object("v1", "ServiceAccount", name: accountName, namespace: namespace, [(key: "automountServiceAccountToken", value: .bool(false))])
        }
        let rule = { (groups: [String], resources: [String], verbs: [String]) in
            Node.mapping(["apiGroups": .strings(groups), "resources": .strings(resources), "verbs": .strings(verbs)])
        }
        let role = object("rbac.authorization.k8s.io/v1", "Role", name: "tenant-admin", namespace: namespace, [
            (key: "rules", value: .sequence([
                rule(["", "apps", "batch", "networking.k8s.io", "autoscaling", "policy"],
                     ["pods", "pods/log", "services", "endpoints", "configmaps", "persistentvolumeclaims", "events", "serviceaccounts",
                      "resourcequotas", "limitranges", "deployments", "replicasets", "statefulsets", "daemonsets", "jobs", "cronjobs",
                      "ingresses", "networkpolicies", "horizontalpodautoscalers", "poddisruptionbudgets"],
                     ["get", "list", "watch"]),
                rule([""], ["pods"], ["delete"]),
                rule(["apps"], ["deployments/scale", "statefulsets/scale"], ["get", "update", "patch"]),
                rule([""], ["configmaps"], ["create", "update", "patch", "delete"]),
            ])),
        ])
        let binding = object("rbac.authorization.k8s.io/v1", "RoleBinding", name: "tenant-admin", namespace: namespace, [
            (key: "roleRef", value: .strings([(key: "apiGroup", value: "rbac.authorization.k8s.io"), (key: "kind", value: "Role"),
                                              (key: "name", value: "tenant-admin")])),
            (key: "subjects", value: .sequence([.strings([(key: "apiGroup", value: "rbac.authorization.k8s.io"), (key: "kind", value: "Group"),
                                                          (key: "name", value: name + ":admins")])])),
        ])
        return [
            YAMLWriter.Document(namespaceObject, comments: namespaceComments),
            YAMLWriter.Document(quota),
            YAMLWriter.Document(limits),
            YAMLWriter.Document(denyAll, comments: ["Deny everything in and out unless another policy allows it."]),
            YAMLWriter.Document(allowDNS),
            YAMLWriter.Document(allowSameNamespace, comments: ["Pods of the namespace may talk to each other, and to nothing else."]),
            YAMLWriter.Document(account("default"), comments: ["Pods that name no service account get no API token."]),
            YAMLWriter.Document(account(name + "-workload"),
                                comments: ["The account the tenant's workloads run as; mount a token only in pods that call the API."]),
            YAMLWriter.Document(role, comments: [
                "Operate the namespace (read, restart, scale, configure) without Secrets, exec, RBAC or",
                "cluster-scoped power. Workloads are deployed by the platform's pipeline, not by people.",
            ]),
            YAMLWriter.Document(binding),
        ]
    }

    /// API Priority and Fairness: the tenant's service accounts share the `workload-low` level.
    private var flowSchema: Node {
        let everything = Node.strings(["*"])
        return object("flowcontrol.apiserver.k8s.io/v1", "FlowSchema", name: "tenant-" + name, [
            (key: "spec", value: .mapping([
                "priorityLevelConfiguration": .strings([(key: "name", value: "workload-low")]),
                "matchingPrecedence": .int(1000),
                "distinguisherMethod": .strings([(key: "type", value: "ByUser")]),
                "rules": .sequence([.mapping([
                    "subjects": .sequence(namespaces.map { namespace in
                        .mapping(["kind": .string("Group"), "group": .strings([(key: "name", value: "system:serviceaccounts:" + namespace)])])
                    }),
                    "resourceRules": .sequence([.mapping([
                        "verbs": everything, "apiGroups": everything, "resources": everything, "namespaces": everything,
                        "clusterScope": .bool(true),
                    ])]),
                    "nonResourceRules": .sequence([.mapping(["verbs": everything, "nonResourceURLs": everything])]),
                ])]),
            ])),
        ])
    }

    /// Comment lines: the sandbox and the node placement the tenant's pod templates need.
    private var placementGuide: [String] {
        var lines: [String] = []
        if trust == .untrusted {
            lines += ["Sandbox: untrusted code runs in the platform's sandbox RuntimeClass \(runtimeClass) (gVisor, Kata).",
                      "It is cluster-scoped and shared by every tenant that sandboxes: this baseline neither creates",
                      "nor changes it (check that it exists: kubectl get runtimeclass \(runtimeClass)). Its scheduling,",
                      "if it has one, is added to the tenant's pods: it must agree with the tenant's node pool.", ""]
        }
        var spec: [(key: String, value: Node)] = []
        if trust == .untrusted { spec.append((key: "runtimeClassName", value: .string(runtimeClass))) }
        if !nodePool.isEmpty {
            spec.append((key: "nodeSelector", value: .strings(nodePool)))
            spec.append((key: "tolerations", value: .sequence(nodePool.map { label in
                .strings([(key: "key", value: label.key), (key: "operator", value: "Equal"), (key: "value", value: label.value),
                          (key: "effect", value: "NoSchedule")])
            })))
        }
        spec += [
            (key: "serviceAccountName", value: .string(name + "-workload")),
            (key: "securityContext", value: .mapping(["runAsNonRoot": .bool(true),
                                                      "seccompProfile": .strings([(key: "type", value: "RuntimeDefault")])])),
            (key: "containers", value: .sequence([.mapping(["securityContext": .mapping([
                "allowPrivilegeEscalation": .bool(false), "readOnlyRootFilesystem": .bool(true),
                "capabilities": .mapping(["drop": .strings(["ALL"])]),
            ])])])),
        ]
        lines.append("Node placement: in every workload's pod template of tenant \(name) (the container settings in every container):")
        if nodePool.isEmpty {
            lines.append("(no dedicated node pool: the tenant shares nodes; give --node-pool KEY=VALUE for dedicated nodes)")
        }
        lines += Self.lines(YAMLWriter.document(.mapping(["spec": .mapping(spec)])), indent: "  ")
        if let first = nodePool.first {
            lines.append("and taint the pool's nodes: kubectl taint nodes -l \(poolText) \(first.key)=\(first.value):NoSchedule")
        }
        return lines
    }

    /// Comment lines: the tenant's entry for a tenancy file.
    private var tenancyEntry: [String] {
        var entry: [(key: String, value: Node)] = [
            (key: "name", value: .string(name)),
            (key: "trust", value: .string(trust.rawValue)),
            (key: "untrustedCode", value: .bool(trust == .untrusted)),
            (key: "namespaces", value: .mapping(["names": .strings(namespaces)])),
        ]
        if !nodePool.isEmpty { entry.append((key: "nodePool", value: .mapping(["matchLabels": .strings(nodePool)]))) }
        entry.append((key: "isolation", value: .string(isolation.rawValue)))
        return ["Its entry in a tenancy file (kind: Tenancy, under tenants:):"]
            + Self.lines(YAMLWriter.document(.sequence([.mapping(entry)])), indent: "")
    }

    /// A YAML text as comment lines, each non-empty line behind `indent`.
    private static func lines(_ text: String, indent: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { $0.isEmpty ? "" : indent + $0 }
    }
}
