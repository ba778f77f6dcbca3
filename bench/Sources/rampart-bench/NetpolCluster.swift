/// The sizes of a network-policy benchmark cluster.
struct NetpolPlan {
    let pods: Int
    let namespaces: Int
    let policies: Int
    let adminPolicies: Int
}

extension ClusterGenerator {
    /// A cluster for the reachability engine: `namespaces` namespaces (`monitoring` and `kube-system`,
    /// then two per tenant) holding `pods` Pods with addresses and named ports, `policies`
    /// NetworkPolicies spread over them (default deny, same namespace, ingress to web, api to db,
    /// egress by ipBlock), and `adminPolicies` admin-tier policies: AdminNetworkPolicies isolating
    /// tenants from each other but letting monitoring scrape, ClusterNetworkPolicies allowing DNS to
    /// kube-system, and one baseline denying ingress across namespaces.
    mutating func runNetpol(_ plan: NetpolPlan) {
        let namespaces = ["monitoring", "kube-system"].prefix(plan.namespaces)
            + (0..<max(plan.namespaces - 2, 0)).map { "tenant-\($0 / 2)-\($0 % 2 == 0 ? "app" : "data")" }
        for (index, ns) in namespaces.enumerated() {
            let tenant = index < 2 ? "platform" : "tenant-\((index - 2) / 2)"
            sink.emit(object("v1", "Namespace", metadata(ns, namespace: nil, labels: [("kubernetes.io/metadata.name", ns), ("tenant", tenant)]), []))
        }
        let tiers = ["web", "api", "db", "worker"]
        for index in 0..<plan.pods {
            let ns = namespaces[index % namespaces.count]
            let tier = tiers[(index / namespaces.count) % tiers.count]
            let app = "app-\((index / namespaces.count) % 7)"
            sink.emit(object("v1", "Pod", metadata("\(app)-\(tier)-\(index)", namespace: ns, labels: [("app", app), ("tier", tier)]), [
                ("spec", ["containers": [[
                    "name": "main", "image": "registry.example.com/\(app):1.0",
                    "ports": [["name": "http", "containerPort": 8080], ["name": "metrics", "containerPort": 9090],
                              ["name": "dns", "containerPort": 53, "protocol": "UDP"]],
                ]]]),
                ("status", ["podIP": .string("10.\(16 + index / 65_536).\((index / 256) % 256).\(index % 256)")]),
            ]))
        }
        for index in 0..<plan.policies {
            networkPolicy(index, in: namespaces[index % namespaces.count], round: index / namespaces.count)
        }
        for index in 0..<plan.adminPolicies {
            adminPolicy(index, tenants: max((plan.namespaces - 1) / 2, 1))
        }
        sink.flush()
    }

    private mutating func networkPolicy(_ index: Int, in ns: String, round: Int) {
        let spec: YAMLValue
        switch round % 5 {
        case 0: spec = ["podSelector": [:], "policyTypes": ["Ingress", "Egress"]]
        case 1: spec = ["podSelector": [:], "ingress": [["from": [["podSelector": [:]]]]], "egress": [["to": [["podSelector": [:]]]]]]
        case 2: spec = ["podSelector": ["matchLabels": ["tier": "web"]],
                        "ingress": [["from": [["namespaceSelector": ["matchLabels": ["kubernetes.io/metadata.name": "tenant-0-app"]]]],
                                     "ports": [["port": "http"]]]]]
        case 3: spec = ["podSelector": ["matchLabels": ["tier": "db"]],
                        "ingress": [["from": [["podSelector": ["matchLabels": ["tier": "api"]]]], "ports": [["port": 5432], ["port": 8080, "endPort": 8090]]]]]
        default: spec = ["podSelector": [:], "policyTypes": ["Egress"],
                         "egress": [["to": [["ipBlock": ["cidr": "10.0.0.0/8", "except": ["10.96.0.0/12"]]]], "ports": [["port": 53, "protocol": "UDP"]]],
                                    ["to": [["ipBlock": ["cidr": "0.0.0.0/0", "except": ["169.254.169.254/32"]]]], "ports": [["port": 443]]]]]
        }
        sink.emit(object("networking.k8s.io/v1", "NetworkPolicy", metadata("policy-\(index)", namespace: ns), [("spec", spec)]))
    }

    private mutating func adminPolicy(_ index: Int, tenants: Int) {
        let tenant = "tenant-\(index % max(tenants, 1))"
        if index == 0 {
            sink.emit(object("policy.networking.k8s.io/v1alpha1", "BaselineAdminNetworkPolicy", metadata("default", namespace: nil), [
                ("spec", ["subject": ["namespaces": [:]],
                          "ingress": [["name": "deny-other-tenants", "action": "Deny", "from": [["namespaces": [:]]]]]]),
            ]))
            return
        }
        let own: YAMLValue = ["matchLabels": ["tenant": .string(tenant)]]
        let others: YAMLValue = ["matchExpressions": [["key": "tenant", "operator": "NotIn", "values": [.string(tenant)]]]]
        if index % 2 == 0 {
            sink.emit(object("policy.networking.k8s.io/v1alpha1", "AdminNetworkPolicy", metadata("isolate-\(tenant)", namespace: nil), [
                ("spec", ["priority": .integer(10 + index), "subject": ["namespaces": own],
                          "ingress": [["name": "pass-same-tenant", "action": "Pass", "from": [["namespaces": own]]],
                                      ["name": "allow-monitoring", "action": "Allow", "from": [["namespaces": ["matchLabels": ["kubernetes.io/metadata.name": "monitoring"]]]],
                                       "ports": [["portNumber": ["protocol": "TCP", "port": 9090]]]],
                                      ["name": "deny-other-tenants", "action": "Deny", "from": [["namespaces": others]]]],
                          "egress": [["name": "deny-metadata", "action": "Deny", "to": [["networks": ["169.254.169.254/32"]]]]]]),
            ]))
        } else {
            sink.emit(object("policy.networking.k8s.io/v1alpha2", "ClusterNetworkPolicy", metadata("dns-\(tenant)", namespace: nil), [
                ("spec", ["tier": "Admin", "priority": .integer(10 + index), "subject": ["namespaces": own],
                          "egress": [["name": "allow-dns", "action": "Accept", "to": [["namespaces": ["matchLabels": ["kubernetes.io/metadata.name": "kube-system"]]]],
                                      "protocols": [["udp": ["destinationPort": ["number": 53]]]]]]]),
            ]))
        }
    }
}
