extension ClusterGenerator {
    /// The objects around a workload: service account, config, credentials, service, ingress, autoscaler.
    mutating func supportingObjects(_ app: AppPlan, kind: WorkloadKind) {
        let ns = app.namespace.name
        if let account = app.serviceAccount {
            sink.emit(object("v1", "ServiceAccount", metadata(account, namespace: ns, labels: appLabels(app)), [
                ("automountServiceAccountToken", app.namespace.careful && !app.has(.automountToken) ? false : nil),
            ]))
        }
        if let account = app.serviceAccount, rng.chance(0.3) { leaderElection(app, account: account) }
        if let configMap = app.configMap { self.configMap(app, name: configMap) }
        if let secret = app.secret { self.secret(app, name: secret) }
        guard [.deployment, .statefulSet].contains(kind) else { return }
        service(app, headless: kind == .statefulSet)
        endpoints(app)
        if rng.chance(0.3) { disruptionBudget(app) }
        if kind == .deployment, rng.chance(0.25) { ingress(app) }
        if kind == .deployment, rng.chance(0.2) { autoscaler(app) }
    }

    private mutating func configMap(_ app: AppPlan, name: String) {
        var data: [(String, YAMLValue?)] = Vocabulary.configKeys.prefix(rng.int(3...8)).map { ($0, .string(rng.pick(["info", "json", "8080", "30s", "https://upstream.internal", "4"]))) }
        data.append(("FEATURE_FLAGS", "search-v2,fast-checkout"))
        if rng.chance(0.5) {
            data.append(("app.yaml", .block("server:\n  port: \(app.port)\n  shutdownTimeout: 30s\nlogging:\n  level: info\n  format: json\ncache:\n  ttl: 5m\n  size: 1024")))
        }
        if !app.namespace.careful, rng.chance(0.15) {
            data.append((rng.pick(Vocabulary.secretLookingKeys), .string("fake-" + rng.hex(24))))
        }
        sink.emit(object("v1", "ConfigMap", metadata(name, namespace: app.namespace.name, labels: appLabels(app)), [("data", .map(data))]))
    }

    private mutating func secret(_ app: AppPlan, name: String) {
        let keys = Vocabulary.secretDataKeys.prefix(rng.int(2...4))
        let data: [(String, YAMLValue?)] = keys.map { ($0, .string(rng.base64(bytes: rng.int(12...96)))) }
        sink.emit(object("v1", "Secret", metadata(name, namespace: app.namespace.name, labels: appLabels(app)), [
            ("data", .map(data)), ("type", "Opaque"),
        ]))
    }

    private mutating func service(_ app: AppPlan, headless: Bool) {
        let exposed = app.namespace.trusted ? 0.08 : 0.2
        let type = app.serviceType ?? (headless ? "ClusterIP" : nil) ?? (rng.chance(exposed) ? rng.pick(["LoadBalancer", "NodePort"]) : "ClusterIP")
        let port: YAMLValue = .map([
            ("name", "http"), ("nodePort", type == "ClusterIP" ? nil : .integer(rng.int(30_000...32_767))),
            ("port", 80), ("protocol", "TCP"), ("targetPort", .integer(app.port)),
        ])
        sink.emit(object("v1", "Service", metadata(app.name, namespace: app.namespace.name, labels: appLabels(app)), [
            ("spec", .map([
                ("clusterIP", headless ? "None" : .string("10.96.\(rng.int(0...255)).\(rng.int(1...254))")),
                ("externalTrafficPolicy", type == "ClusterIP" ? nil : "Cluster"),
                ("internalTrafficPolicy", "Cluster"), ("ipFamilies", ["IPv4"]), ("ipFamilyPolicy", "SingleStack"),
                ("ports", [port]), ("selector", ["app.kubernetes.io/name": .string(app.name)]),
                ("sessionAffinity", "None"), ("type", .string(type)),
            ])),
            ("status", type == "LoadBalancer" ? ["loadBalancer": ["ingress": [["ip": .string("203.0.113.\(rng.int(1...254))")]]]] : ["loadBalancer": [:]]),
        ]))
    }

    private mutating func leaderElection(_ app: AppPlan, account: String) {
        let name = app.name + "-leader-election"
        sink.emit(object("rbac.authorization.k8s.io/v1", "Role", metadata(name, namespace: app.namespace.name, labels: appLabels(app)), [
            ("rules", [["apiGroups": ["coordination.k8s.io"], "resources": ["leases"], "verbs": ["get", "create", "update"]]]),
        ]))
        sink.emit(object("rbac.authorization.k8s.io/v1", "RoleBinding", metadata(name, namespace: app.namespace.name, labels: appLabels(app)), [
            ("roleRef", ["apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": .string(name)]),
            ("subjects", [["kind": "ServiceAccount", "name": .string(account), "namespace": .string(app.namespace.name)]]),
        ]))
    }

    private mutating func endpoints(_ app: AppPlan) {
        let addresses: [YAMLValue] = (0..<rng.int(1...3)).map { _ in
            ["ip": .string(rng.podIP()), "nodeName": .string(rng.pick(Vocabulary.nodeNames)),
             "targetRef": ["kind": "Pod", "name": .string(app.name + "-" + rng.hex(5)), "namespace": .string(app.namespace.name)]]
        }
        sink.emit(object("v1", "Endpoints", metadata(app.name, namespace: app.namespace.name, labels: appLabels(app)), [
            ("subsets", [["addresses": .sequence(addresses), "ports": [["name": "http", "port": .integer(app.port), "protocol": "TCP"]]]]),
        ]))
    }

    private mutating func disruptionBudget(_ app: AppPlan) {
        sink.emit(object("policy/v1", "PodDisruptionBudget", metadata(app.name, namespace: app.namespace.name, labels: appLabels(app)), [
            ("spec", ["maxUnavailable": 1, "selector": ["matchLabels": ["app.kubernetes.io/name": .string(app.name)]]]),
        ]))
    }

    private mutating func ingress(_ app: AppPlan) {
        let host = "\(app.name).\(app.namespace.tenant).example.com"
        let tls: YAMLValue? = rng.chance(0.8) ? [["hosts": [.string(host)], "secretName": .string(app.name + "-tls")]] : nil
        sink.emit(object("networking.k8s.io/v1", "Ingress", metadata(app.name, namespace: app.namespace.name, labels: appLabels(app),
                                                                  annotations: [("cert-manager.io/cluster-issuer", "letsencrypt")]), [
            ("spec", .map([
                ("ingressClassName", "nginx"),
                ("rules", [["host": .string(host), "http": ["paths": [[
                    "backend": ["service": ["name": .string(app.name), "port": ["number": 80]]],
                    "path": "/", "pathType": "Prefix",
                ]]]]]),
                ("tls", tls),
            ])),
        ]))
    }

    private mutating func autoscaler(_ app: AppPlan) {
        sink.emit(object("autoscaling/v2", "HorizontalPodAutoscaler", metadata(app.name, namespace: app.namespace.name, labels: appLabels(app)), [
            ("spec", [
                "maxReplicas": 10, "minReplicas": 2,
                "metrics": [["resource": ["name": "cpu", "target": ["averageUtilization": 70, "type": "Utilization"]], "type": "Resource"]],
                "scaleTargetRef": ["apiVersion": "apps/v1", "kind": "Deployment", "name": .string(app.name)],
            ]),
        ]))
    }
}
