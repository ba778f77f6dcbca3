extension ClusterGenerator {
    /// The platform: kube-system, ingress, cert-manager and monitoring, with the privileges they really have.
    mutating func platform() {
        platformClusterRoles()
        let system = platformNamespace("kube-system")
        app(system, "coredns", .deployment, [])
        app(system, "kube-proxy", .daemonSet, [.privileged, .hostNetwork, .hostPath])
        app(system, "metrics-server", .deployment, [])
        let ingress = platformNamespace("ingress-nginx")
        app(ingress, "ingress-nginx-controller", .deployment, [], serviceType: "LoadBalancer")
        let certManager = platformNamespace("cert-manager")
        app(certManager, "cert-manager", .deployment, [])
        app(certManager, "cert-manager-webhook", .deployment, [])
        let monitoring = platformNamespace("monitoring")
        app(monitoring, "prometheus", .statefulSet, [])
        app(monitoring, "node-exporter", .daemonSet, [.hostNetwork, .hostPID, .hostPath, .hostPort])
        app(monitoring, "grafana", .deployment, [])
    }

    private mutating func app(_ plan: NamespacePlan, _ name: String, _ kind: WorkloadKind, _ faults: Set<Fault>,
                              serviceType: String? = nil) {
        var app = appPlan(plan, name: name, faults: faults)
        app.serviceType = serviceType
        application(app, kind: kind)
    }

    private mutating func platformNamespace(_ name: String) -> NamespacePlan {
        let plan = NamespacePlan(name: name, tenant: "platform", trusted: true, careful: true)
        namespaceObjects(plan)
        return plan
    }
}
