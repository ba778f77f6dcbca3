import RampartModel
import RampartNetwork

/// Network: default-deny in both directions, connections between the tenant and other tenants
/// (from the network engine's namespace reachability), and what it exchanges with addresses
/// outside the cluster (the cloud metadata address above all).
///
/// A connection between two tenants needs the source's egress and the destination's ingress to
/// allow it, so both tenants fail; the finding is reported once, on the destination.
enum NetworkLayer {
    static let metadataAddress = IPAddress("169.254.169.254")

    static func evaluate(_ tenant: Tenant, _ context: TenancyContext) -> LayerBuilder {
        var layer = LayerBuilder(.network, tenant)
        let members = Set(tenant.namespaces)
        for namespace in tenant.namespaces {
            defaultDeny(namespace, tenant, context, &layer)
        }
        let flows = tenant.namespaces.flatMap { context.flowsByNamespace[$0] ?? [] }
        for flow in flows where members.contains(flow.to) != members.contains(flow.from) {
            if members.contains(flow.to) {
                inbound(flow, tenant, context, &layer)
            } else {
                outbound(flow, tenant, context, &layer)
            }
        }
        external(tenant, members, context, &layer)
        return layer
    }

    private static func defaultDeny(_ namespace: String, _ tenant: Tenant, _ context: TenancyContext, _ layer: inout LayerBuilder) {
        let policies = context.wholeNamespacePolicies[namespace] ?? []
        let anchor = context.representative(of: namespace)
        let path = anchor.map(TenancyContext.namespacePath) ?? FieldPath()
        for direction in TrafficDirection.allCases {
            let name = direction.policyType
            if let policy = policies.first(where: { $0.directions.contains(direction) }) {
                let path: FieldPath = policy.object.kind == "NetworkPolicy" ? "spec.podSelector" : "spec"
                layer.pass("\(namespace): \(name) isolated for every pod by \(policy.object.kind) \(policy.name)", policy.object, path)
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

    private static func inbound(_ flow: NamespaceFlow, _ tenant: Tenant, _ context: TenancyContext, _ layer: inout LayerBuilder) {
        let text = "\(flow.from) → \(flow.to): \(flow.connections.text)"
        let anchor = context.representative(of: flow.to)
        switch context.owner(of: flow.from) {
        case .platform:
            layer.pass("from the platform: " + text, anchor)
        case .tenant(let other):
            let path = anchor.map(TenancyContext.namespacePath) ?? FieldPath()
            if layer.limit(to: .none, "from tenant \(other): " + text, anchor, path, rules: [.gap(.crossTenantTraffic)]), let anchor {
                layer.report(.crossTenantTraffic(layer.site(anchor, path), from: other, fromNamespace: flow.from, toNamespace: flow.to,
                                                 connections: flow.connections.text))
            }
        case .unassigned:
            layer.limit(to: .none, "from namespace \(flow.from), which is neither the platform's nor a known tenant's: " + text, anchor)
        }
    }

    private static func outbound(_ flow: NamespaceFlow, _ tenant: Tenant, _ context: TenancyContext, _ layer: inout LayerBuilder) {
        let text = "\(flow.from) → \(flow.to): \(flow.connections.text)"
        let anchor = context.representative(of: flow.from)
        switch context.owner(of: flow.to) {
        case .platform:
            layer.pass("to the platform: " + text, anchor)
        case .tenant(let other):
            layer.limit(to: .none, "to tenant \(other): " + text, anchor, rules: [.gap(.crossTenantTraffic)])
        case .unassigned:
            layer.warn("to namespace \(flow.to), which is neither the platform's nor a known tenant's: " + text, anchor)
        }
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
