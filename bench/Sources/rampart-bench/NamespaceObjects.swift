extension ClusterGenerator {
    /// A namespace and what its owners set up once: service account, CA bundle, quota, limits, policies, roles.
    mutating func namespaceObjects(_ plan: NamespacePlan) {
        let ns = plan.name
        var labels = [("kubernetes.io/metadata.name", ns), ("rampart.dev/tenant", plan.tenant)]
        if plan.careful || rng.chance(0.3) {
            let level = plan.trusted ? rng.pick(["baseline", "restricted"]) : "restricted"
            labels += [("pod-security.kubernetes.io/enforce", level), ("pod-security.kubernetes.io/warn", "restricted")]
        }
        sink.emit(object("v1", "Namespace", metadata(ns, namespace: nil, labels: labels), [
            ("spec", ["finalizers": ["kubernetes"]]), ("status", ["phase": "Active"]),
        ]))
        sink.emit(object("v1", "ServiceAccount", metadata("default", namespace: ns), [
            ("automountServiceAccountToken", plan.careful ? false : nil),
        ]))
        sink.emit(object("v1", "ConfigMap", metadata("kube-root-ca.crt", namespace: ns,
                                                     annotations: [("kubernetes.io/description", "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.")]), [
            ("data", ["ca.crt": .block(certificate())]),
        ]))
        if plan.careful || rng.chance(0.4) { resourceQuota(ns) }
        if plan.careful || rng.chance(0.3) { limitRange(ns) }
        if plan.careful || rng.chance(0.3) { networkPolicies(ns) }
        roles(plan)
    }

    private mutating func resourceQuota(_ ns: String) {
        sink.emit(object("v1", "ResourceQuota", metadata("compute", namespace: ns), [
            ("spec", ["hard": [
                "limits.cpu": "40", "limits.memory": "80Gi", "persistentvolumeclaims": "20", "pods": "200",
                "requests.cpu": "20", "requests.memory": "40Gi", "requests.storage": "500Gi",
                "services.loadbalancers": "0", "services.nodeports": "0",
            ]]),
        ]))
    }

    private mutating func limitRange(_ ns: String) {
        sink.emit(object("v1", "LimitRange", metadata("defaults", namespace: ns), [
            ("spec", ["limits": [[
                "default": ["cpu": "500m", "memory": "512Mi"], "defaultRequest": ["cpu": "100m", "memory": "128Mi"],
                "max": ["cpu": "4", "memory": "8Gi"], "type": "Container",
            ]]]),
        ]))
    }

    private mutating func networkPolicies(_ ns: String) {
        sink.emit(object("networking.k8s.io/v1", "NetworkPolicy", metadata("default-deny", namespace: ns), [
            ("spec", ["podSelector": [:], "policyTypes": ["Ingress", "Egress"]]),
        ]))
        sink.emit(object("networking.k8s.io/v1", "NetworkPolicy", metadata("allow-dns-and-same-namespace", namespace: ns), [
            ("spec", [
                "egress": [
                    ["ports": [["port": 53, "protocol": "UDP"], ["port": 53, "protocol": "TCP"]],
                     "to": [["namespaceSelector": ["matchLabels": ["kubernetes.io/metadata.name": "kube-system"]],
                             "podSelector": ["matchLabels": ["k8s-app": "kube-dns"]]]]],
                    ["to": [["podSelector": [:]]]],
                ],
                "ingress": [["from": [["podSelector": [:]]]]],
                "podSelector": [:], "policyTypes": ["Ingress", "Egress"],
            ]),
        ]))
        sink.emit(object("networking.k8s.io/v1", "NetworkPolicy", metadata("allow-from-ingress", namespace: ns), [
            ("spec", [
                "ingress": [["from": [["namespaceSelector": ["matchLabels": ["kubernetes.io/metadata.name": "ingress-nginx"]]]],
                             "ports": [["port": 8080, "protocol": "TCP"]]]],
                "podSelector": ["matchLabels": ["app.kubernetes.io/component": "web"]], "policyTypes": ["Ingress"],
            ]),
        ]))
    }

    private mutating func roles(_ plan: NamespacePlan) {
        let ns = plan.name
        let broad = !plan.trusted && rng.chance(0.3)
        let rules: YAMLValue = broad
            ? [["apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]]]
            : [
                ["apiGroups": ["", "apps", "batch"], "resources": .sequence(Vocabulary.namespacedResources.prefix(6).map { .string($0) }),
                 "verbs": .sequence(Vocabulary.verbs.map { .string($0) })],
                ["apiGroups": [""], "resources": ["pods/log", "pods/portforward"], "verbs": ["get", "list", "create"]],
            ]
        sink.emit(object("rbac.authorization.k8s.io/v1", "Role", metadata("developer", namespace: ns), [("rules", rules)]))
        sink.emit(object("rbac.authorization.k8s.io/v1", "RoleBinding", metadata("developers", namespace: ns), [
            ("roleRef", ["apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "developer"]),
            ("subjects", [["apiGroup": "rbac.authorization.k8s.io", "kind": "Group", "name": .string(plan.tenant + ":developers")]]),
        ]))
        sink.emit(object("rbac.authorization.k8s.io/v1", "RoleBinding", metadata("deployer", namespace: ns), [
            ("roleRef", ["apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": broad ? "admin" : "edit"]),
            ("subjects", [["kind": "ServiceAccount", "name": "ci-deployer", "namespace": .string(ns)]]),
        ]))
        sink.emit(object("v1", "ServiceAccount", metadata("ci-deployer", namespace: ns), [
            ("automountServiceAccountToken", false),
        ]))
    }

    /// A PEM-shaped CA bundle (random bytes, not a real certificate).
    private mutating func certificate() -> String {
        let body = rng.base64(bytes: 780)
        var lines = ["-----BEGIN CERTIFICATE-----"]
        var rest = Substring(body)
        while !rest.isEmpty {
            lines.append(String(rest.prefix(64)))
            rest = rest.dropFirst(64)
        }
        lines.append("-----END CERTIFICATE-----")
        return lines.joined(separator: "\n")
    }
}
