import RampartModel
import RampartNetwork

/// Network: default-deny in both directions, connections between the tenant and other tenants
/// (from the network engine's namespace reachability), what it exchanges with addresses outside
/// the cluster (the cloud metadata address above all), egress to the API server, and DNS where
/// egress is denied by default.
///
/// A connection between two tenants needs the source's egress and the destination's ingress to
/// allow it, so both tenants fail; the finding is reported once, on the destination. Connections with
/// other tenants are gathered per namespace of the tenant and direction (one evidence item, one
/// finding), so the report grows with the namespaces, not with the pairs of tenants.
enum NetworkLayer {
    static let metadataAddress = IPAddress("169.254.169.254")

    static func evaluate(_ tenant: Tenant, _ context: TenancyContext) -> LayerBuilder {
        var layer = LayerBuilder(.network, tenant)
        let members = Set(tenant.namespaces)
        for namespace in tenant.namespaces {
            defaultDeny(namespace, tenant, context, &layer)
        }
        let reachability = context.reachability
        let placed = tenant.namespaces.compactMap { namespace in reachability.position(of: namespace).map { (namespace, $0) } }
        let memberPositions = Set(placed.map(\.1))
        for (namespace, position) in placed {
            var sources = CrossTenantFlows.Gathering()
            var targets = CrossTenantFlows.Gathering()
            reachability.forEachPeer(of: position, outgoing: false) { peer, connections in
                guard !memberPositions.contains(peer) else { return }
                let owner = context.tenantOfReachable[peer]
                if owner >= 0 { sources.add(tenant: owner, namespace: peer, connections: connections) }
                else { inbound(from: reachability.names[peer], to: namespace, connections, context, &layer) }
            }
            reachability.forEachPeer(of: position, outgoing: true) { peer, connections in
                guard !memberPositions.contains(peer) else { return }
                let owner = context.tenantOfReachable[peer]
                if owner >= 0 { targets.add(tenant: owner, namespace: peer, connections: connections) }
                else { outbound(from: namespace, to: reachability.names[peer], connections, context, &layer) }
            }
            let tenantNames = context.tenantNames
            if let sources = sources.flows(names: reachability.names, tenants: tenantNames) { inbound(sources, to: namespace, context, &layer) }
            if let targets = targets.flows(names: reachability.names, tenants: tenantNames) { outbound(targets, from: namespace, context, &layer) }
        }
        external(tenant, members, context, &layer)
        edge(tenant, members, context, &layer)
        APIServerEgress.evaluate(tenant, members, context, &layer)
        return layer
    }

    private static func defaultDeny(_ namespace: String, _ tenant: Tenant, _ context: TenancyContext, _ layer: inout LayerBuilder) {
        let anchor = context.representative(of: namespace)
        let path = anchor.map(TenancyContext.namespacePath) ?? FieldPath()
        for direction in TrafficDirection.allCases {
            let name = direction.policyType
            if let policy = context.defaultDenyPolicies[direction]?[namespace]?.first {
                let path: FieldPath = policy.object.kind == "NetworkPolicy" ? "spec.podSelector" : "spec"
                let how = policy.tier == .application ? "isolated for every pod" : "denied for every pod (\(policy.tier.name) tier)"
                layer.pass("\(namespace): \(name) \(how) by \(policy.object.kind) \(policy.name)", policy.object, path)
                if direction == .egress { DNSUnderDefaultDeny.evaluate(namespace, context, &layer) }
                continue
            }
            let message = "\(namespace): no network policy isolates every pod for \(name): pods are open to \(direction == .ingress ? "connections from every tenant" : "every destination") unless another policy selects them"
            if direction == .ingress || tenant.spec.isUntrusted {
                layer.limit(to: .none, message, anchor, path, rules: [.noDefaultDeny(direction)])
            } else {
                layer.warn(message, anchor, path, rules: [.noDefaultDeny(direction)])
            }
        }
    }

    /// A connection from the platform or from a namespace no tenant owns.
    private static func inbound(from: String, to: String, _ connections: ConnectionSet, _ context: TenancyContext,
                                _ layer: inout LayerBuilder) {
        let text = "\(from) → \(to): \(connections.text)"
        let anchor = context.representative(of: to)
        if context.owner(of: from) == .platform {
            layer.pass("from the platform: " + text, anchor)
        } else {
            layer.limit(to: .none, "from namespace \(from), which is neither the platform's nor a known tenant's: " + text, anchor)
        }
    }

    /// Connections from other tenants' namespaces into `namespace`: one evidence item, one gap.
    private static func inbound(_ sources: CrossTenantFlows, to namespace: String, _ context: TenancyContext, _ layer: inout LayerBuilder) {
        let anchor = context.representative(of: namespace)
        let path = anchor.map(TenancyContext.namespacePath) ?? FieldPath()
        let message = sources.single.map { "from tenant \($0.tenant): \($0.namespace) → \(namespace): \($0.connections)" }
            ?? "from \(sources.counted) → \(namespace): \(sources.listing)"
        if layer.limit(to: .none, message, anchor, path, rules: [.gap(.crossTenantTraffic)]), let anchor {
            layer.report(.crossTenantTraffic(layer.site(anchor, path), toNamespace: namespace, sources: sources))
        }
    }

    /// A connection to the platform or to a namespace no tenant owns.
    private static func outbound(from: String, to: String, _ connections: ConnectionSet, _ context: TenancyContext,
                                 _ layer: inout LayerBuilder) {
        let text = "\(from) → \(to): \(connections.text)"
        let anchor = context.representative(of: from)
        if context.owner(of: to) == .platform {
            layer.pass("to the platform: " + text, anchor)
        } else {
            layer.warn("to namespace \(to), which is neither the platform's nor a known tenant's: " + text, anchor)
        }
    }

    /// Connections from `namespace` to other tenants' namespaces: one evidence item (the finding goes
    /// on the destination).
    private static func outbound(_ targets: CrossTenantFlows, from namespace: String, _ context: TenancyContext, _ layer: inout LayerBuilder) {
        let message = targets.single.map { "to tenant \($0.tenant): \(namespace) → \($0.namespace): \($0.connections)" }
            ?? "to \(targets.counted): \(namespace) → \(targets.listing)"
        layer.limit(to: .none, message, context.representative(of: namespace), rules: [.gap(.crossTenantTraffic)])
    }

    private static func external(_ tenant: Tenant, _ members: Set<String>, _ context: TenancyContext, _ layer: inout LayerBuilder) {
        var reported: Set<String> = []
        let connections = Set(tenant.namespaces).flatMap { context.externalConnectionsByNamespace[$0] ?? [] }
        for connection in connections {
            switch (connection.from, connection.to) {
            case (.addresses(let range), .workload(let workload)) where members.contains(workload.namespace):
                let text = "\(workload) accepts \(connection.connections.text) from \(range) outside the cluster"
                // Open to outside addresses is never a pass, even where the tenant's level allows it.
                if tenant.spec.isUntrusted { layer.warn(text, object(workload, context), rules: [.ingressFromOutside]) }
                else { layer.note(text, object(workload, context)) }
            case (.workload(let workload), .addresses(let range)) where members.contains(workload.namespace):
                let anchor = object(workload, context)
                if let metadata = metadataAddress, range.contains(metadata) {
                    let text = "\(workload) can reach the cloud metadata address \(metadata) (\(connection.connections.text)): the node's cloud credentials"
                    if tenant.spec.isUntrusted {
                        if layer.limit(to: .none, text, anchor, rules: [.gap(.metadataEgress), .egressToMetadata]),
                           let anchor, reported.insert(workload.description).inserted {
                            layer.report(.metadataEgress(layer.site(anchor, "metadata.name"), workload: workload.description,
                                                         address: metadata.description))
                        }
                    } else {
                        layer.warn(text, anchor, rules: [.egressToMetadata])
                    }
                } else if tenant.spec.isUntrusted {
                    layer.warn("\(workload) can connect to \(range) outside the cluster (\(connection.connections.text))", anchor,
                               rules: [.egressToAnywhere])
                }
            default:
                continue
            }
        }
    }

    private static func object(_ workload: WorkloadID, _ context: TenancyContext) -> KubeObject? {
        context.objectOfWorkload[workload]
    }
}
