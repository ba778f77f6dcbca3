import RampartModel

/// The secure deployment of the webhook that `rampart webhook manifests` prints: its own namespace
/// (restricted Pod Security, quota, limit range, default-deny network policies), a ServiceAccount
/// without a token, the configuration, a two-replica Deployment spread over nodes with a
/// PodDisruptionBudget, its Service, and the ValidatingWebhookConfiguration. It passes `rampart
/// audit` without findings (a test checks it).
public struct DeploymentManifests: Sendable {
    /// The repository of the published image; `rampart webhook manifests` tags it with its own version.
    public static let publishedRepository = "ghcr.io/rampart-k8s/rampart"

    /// Namespace of the webhook (excluded from its own webhook, as is kube-system).
    public var namespace = "rampart-system"
    public var name = "rampart-webhook"
    /// The image, pinned by digest.
    public var image: String
    public var replicas = 2
    /// The `caBundle` to trust (from `rampart webhook certs`); nil: left for cert-manager's CA injector.
    public var caBundle: String?
    /// The cert-manager Certificate (`namespace/name`) whose CA the injector puts in the webhook configuration.
    public var certManagerCertificate: String?

    public init(image: String) {
        self.image = image
    }

    /// Every object, as one YAML stream.
    public func render() -> String {
        YAMLWriter.stream(objects)
    }

    /// Every object, in the order `kubectl apply -f -` needs them.
    public var objects: [Node] {
        namespaceObjects + networkPolicies + serviceAccountAndConfig + [deployment, disruptionBudget, service, webhookConfiguration]
    }

    /// The workload's labels.
    private var labels: Node {
        .strings([(key: "app.kubernetes.io/name", value: name), (key: "app.kubernetes.io/part-of", value: "rampart")])
    }

    /// The selector of the workload's pods.
    private var podSelector: Node {
        .mapping(["matchLabels": .strings([(key: "app.kubernetes.io/name", value: name)])])
    }

    /// `apiVersion`, `kind` and `metadata` (name, namespace, then `metadata`), then `body`.
    private func object(_ apiVersion: String, _ kind: String, name objectName: String, namespaced: Bool = true,
                        metadata: [(key: String, value: Node)] = [], _ body: [(key: String, value: Node)]) -> Node {
        var fields: [(key: String, value: Node)] = [(key: "name", value: .string(objectName))]
        if namespaced { fields.append((key: "namespace", value: .string(namespace))) }
        return .mapping([(key: "apiVersion", value: .string(apiVersion)), (key: "kind", value: .string(kind)),
                         (key: "metadata", value: .mapping(fields + metadata))] + body)
    }

    private var namespaceObjects: [Node] {
        [
            object("v1", "Namespace", name: namespace, namespaced: false, metadata: [
                (key: "labels", value: .strings([
                    (key: "pod-security.kubernetes.io/enforce", value: "restricted"),
                    (key: "pod-security.kubernetes.io/enforce-version", value: "latest"),
                    (key: "pod-security.kubernetes.io/warn", value: "restricted"),
                    (key: "pod-security.kubernetes.io/audit", value: "restricted"),
                ])),
            ], []),
            object("v1", "ResourceQuota", name: name, [
                (key: "spec", value: .mapping(["hard": .strings([
                    (key: "requests.cpu", value: "2"), (key: "requests.memory", value: "1Gi"),
                    (key: "limits.cpu", value: "4"), (key: "limits.memory", value: "2Gi"),
                    (key: "pods", value: "10"), (key: "services.loadbalancers", value: "0"), (key: "services.nodeports", value: "0"),
                ])])),
            ]),
            object("v1", "LimitRange", name: name, [
                (key: "spec", value: .mapping(["limits": .sequence([.mapping([
                    "type": .string("Container"),
                    "default": .strings([(key: "cpu", value: "500m"), (key: "memory", value: "128Mi")]),
                    "defaultRequest": .strings([(key: "cpu", value: "100m"), (key: "memory", value: "64Mi")]),
                ])])])),
            ]),
        ]
    }

    /// Deny everything, then admit HTTPS to the webhook from private addresses (the API server; narrow
    /// these to your control plane's). The webhook opens no connections, not even DNS.
    private var networkPolicies: [Node] {
        let ipBlock = { (cidr: String) in Node.mapping(["ipBlock": .strings([(key: "cidr", value: cidr)])]) }
        return [
            object("networking.k8s.io/v1", "NetworkPolicy", name: "default-deny", [
                (key: "spec", value: .mapping(["podSelector": .mapping([:]), "policyTypes": .strings(["Ingress", "Egress"])])),
            ]),
            object("networking.k8s.io/v1", "NetworkPolicy", name: name + "-from-apiserver", [
                (key: "spec", value: .mapping([
                    "podSelector": podSelector,
                    "policyTypes": .strings(["Ingress"]),
                    "ingress": .sequence([.mapping([
                        "from": .sequence([ipBlock("10.0.0.0/8"), ipBlock("172.16.0.0/12"), ipBlock("192.168.0.0/16")]),
                        "ports": .sequence([.mapping(["protocol": .string("TCP"), "port": .int(8443)])]),
                    ])]),
                ])),
            ]),
        ]
    }

    /// The webhook's configuration file: enforce, deny on high, its own namespace exempt.
    private var configuration: Node {
        .mapping([
            "apiVersion": .string("rampart.dev/v1alpha1"),
            "kind": .string("Config"),
            "webhook": .mapping([
                "mode": .string("enforce"),
                "denyOn": .string("high"),
                "exempt": .mapping(["namespaces": .strings([namespace])]),
            ]),
        ])
    }

    private var serviceAccountAndConfig: [Node] {
        [
            object("v1", "ServiceAccount", name: name, [(key: "automountServiceAccountToken", value: .bool(false))]),
            object("v1", "ConfigMap", name: name + "-config", [
                (key: "data", value: .mapping(["config.yaml": .string(YAMLWriter.document(configuration))])),
            ]),
        ]
    }

    private var deployment: Node {
        let probe = { (path: String) in
            Node.mapping(["httpGet": .mapping(["path": .string(path), "port": .string("https"), "scheme": .string("HTTPS")])])
        }
        let mount = { (volume: String, path: String) in
            Node.mapping(["name": .string(volume), "mountPath": .string(path), "readOnly": .bool(true)])
        }
        let container = Node.mapping([
            "name": .string("webhook"),
            "image": .string(image),
            "args": .strings(["webhook", "serve", "--config", "/etc/rampart/config.yaml", "--cert", "/tls/tls.crt", "--key", "/tls/tls.key"]),
            "ports": .sequence([.mapping(["name": .string("https"), "containerPort": .int(8443), "protocol": .string("TCP")])]),
            "readinessProbe": probe("/readyz"),
            "livenessProbe": probe("/healthz"),
            "resources": .mapping([
                "requests": .strings([(key: "cpu", value: "100m"), (key: "memory", value: "64Mi"), (key: "ephemeral-storage", value: "64Mi")]),
                "limits": .strings([(key: "cpu", value: "1"), (key: "memory", value: "128Mi"), (key: "ephemeral-storage", value: "256Mi")]),
            ]),
            "securityContext": .mapping([
                "allowPrivilegeEscalation": .bool(false),
                "readOnlyRootFilesystem": .bool(true),
                "capabilities": .mapping(["drop": .strings(["ALL"])]),
            ]),
            "volumeMounts": .sequence([mount("tls", "/tls"), mount("config", "/etc/rampart")]),
        ])
        let podSpec = Node.mapping([
            "serviceAccountName": .string(name),
            "automountServiceAccountToken": .bool(false),
            "securityContext": .mapping([
                "runAsNonRoot": .bool(true),
                "runAsUser": .int(65532),
                "runAsGroup": .int(65532),
                "seccompProfile": .strings([(key: "type", value: "RuntimeDefault")]),
            ]),
            "affinity": .mapping(["podAntiAffinity": .mapping(["preferredDuringSchedulingIgnoredDuringExecution": .sequence([.mapping([
                "weight": .int(100),
                "podAffinityTerm": .mapping(["topologyKey": .string("kubernetes.io/hostname"), "labelSelector": podSelector]),
            ])])])]),
            "containers": .sequence([container]),
            "volumes": .sequence([
                .mapping(["name": .string("tls"), "secret": .strings([(key: "secretName", value: name + "-tls")])]),
                .mapping(["name": .string("config"), "configMap": .strings([(key: "name", value: name + "-config")])]),
            ]),
        ])
        return object("apps/v1", "Deployment", name: name, metadata: [(key: "labels", value: labels)], [
            (key: "spec", value: .mapping([
                "replicas": .int(replicas),
                "selector": podSelector,
                "strategy": .mapping(["rollingUpdate": .mapping(["maxUnavailable": .int(0), "maxSurge": .int(1)])]),
                "template": .mapping(["metadata": .mapping(["labels": labels]), "spec": podSpec]),
            ])),
        ])
    }

    private var disruptionBudget: Node {
        object("policy/v1", "PodDisruptionBudget", name: name, [
            (key: "spec", value: .mapping(["minAvailable": .int(1), "selector": podSelector])),
        ])
    }

    private var service: Node {
        object("v1", "Service", name: name, [
            (key: "spec", value: .mapping([
                "type": .string("ClusterIP"),
                "selector": .strings([(key: "app.kubernetes.io/name", value: name)]),
                "ports": .sequence([.mapping(["name": .string("https"), "port": .int(443), "targetPort": .string("https"),
                                              "protocol": .string("TCP")])]),
            ])),
        ])
    }

    /// Two webhooks: pod-bearing objects fail closed (Pod Security must not be bypassed by an outage;
    /// two replicas and a budget keep it up), other objects fail open (hygiene rules must never block
    /// the cluster). Both skip kube-system and the webhook's namespace, leases and events.
    private var webhookConfiguration: Node {
        var metadata: [(key: String, value: Node)] = [
            (key: "labels", value: .strings([(key: "rampart.dev/component", value: "admission-configuration")])),
        ]
        if let certManagerCertificate {
            metadata.append((key: "annotations", value: .strings([(key: "cert-manager.io/inject-ca-from", value: certManagerCertificate)])))
        }
        var clientConfig: [(key: String, value: Node)] = [
            (key: "service", value: .mapping(["name": .string(name), "namespace": .string(namespace), "path": .string("/validate"),
                                              "port": .int(443)])),
        ]
        if let caBundle { clientConfig.append((key: "caBundle", value: .string(caBundle))) }
        let rule = { (group: String, resources: [String], scope: String) in
            Node.mapping(["apiGroups": .strings([group]), "apiVersions": .strings(["v1"]), "operations": .strings(["CREATE", "UPDATE"]),
                          "resources": .strings(resources), "scope": .string(scope)])
        }
        let condition = { (conditionName: String, expression: String) in
            Node.mapping(["name": .string(conditionName), "expression": .string(expression)])
        }
        let webhook = { (webhookName: String, failurePolicy: String, rules: [Node]) in
            Node.mapping([
                "name": .string(webhookName),
                "admissionReviewVersions": .strings(["v1"]),
                "sideEffects": .string("None"),
                "timeoutSeconds": .int(5),
                "failurePolicy": .string(failurePolicy),
                "matchPolicy": .string("Equivalent"),
                "clientConfig": .mapping(clientConfig),
                "namespaceSelector": .mapping(["matchExpressions": .sequence([.mapping([
                    "key": .string("kubernetes.io/metadata.name"),
                    "operator": .string("NotIn"),
                    "values": .strings(["kube-system", namespace]),
                ])])]),
                "matchConditions": .sequence([
                    condition("exclude-leases", "!(request.resource.group == 'coordination.k8s.io' && request.resource.resource == 'leases')"),
                    condition("exclude-events", "!(request.resource.resource == 'events')"),
                ]),
                "rules": .sequence(rules),
            ])
        }
        let podRules = [
            rule("", ["pods", "pods/ephemeralcontainers", "podtemplates", "replicationcontrollers"], "Namespaced"),
            rule("apps", ["deployments", "replicasets", "statefulsets", "daemonsets"], "Namespaced"),
            rule("batch", ["jobs", "cronjobs"], "Namespaced"),
        ]
        let objectRules = [
            rule("", ["services", "configmaps", "namespaces"], "*"),
            rule("networking.k8s.io", ["ingresses"], "Namespaced"),
        ]
        return object("admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration", name: name, namespaced: false,
                      metadata: metadata, [
            (key: "webhooks", value: .sequence([
                webhook("pods.rampart.dev", "Fail", podRules),
                webhook("objects.rampart.dev", "Ignore", objectRules),
            ])),
        ])
    }
}
