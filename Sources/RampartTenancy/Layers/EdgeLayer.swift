import RampartModel

/// The network layer's edge: what reaches the tenant from outside the cluster and what it claims
/// there. A hostname routed to two tenants (either can take the other's traffic, or add paths
/// under it), ingress-nginx snippets (configuration that the shared controller runs with its
/// power over every namespace's Secrets), Gateway API references into other tenants' namespaces,
/// and listeners on Nodes with public addresses.
extension NetworkLayer {
    static func edge(_ tenant: Tenant, _ members: Set<String>, _ context: TenancyContext, _ layer: inout LayerBuilder) {
        hostClaims(tenant, context, &layer)
        snippets(members, context, &layer)
        references(tenant, context, &layer)
        publicListeners(members, context, &layer)
    }

    /// Every hostname of the tenant that another tenant routes too. The gap goes on the tenant whose
    /// first claim of the host comes later (input order), so one conflict is one finding; both tenants fail.
    private static func hostClaims(_ tenant: Tenant, _ context: TenancyContext, _ layer: inout LayerBuilder) {
        for host in ClaimConflict.values(of: tenant, context.edge.hosts.claimsByNamespace, value: \.host) {
            let claims = context.edge.hosts.claimsByHost[host] ?? []
            for conflict in ClaimConflict.of(tenant.name, claims, owner: { context.tenantOwning($0.object.namespace) }) {
                let own = conflict.own
                let message = "host \(host) is routed to tenant \(tenant.name) by \(own.label) and to tenant \(conflict.otherTenant) by \(conflict.other.label): either can take the other's traffic"
                if layer.limit(to: .none, message, own.object, own.path, rules: [.gap(.hostClaimedTwice)]), conflict.reportsHere {
                    layer.report(.hostClaimedTwice(layer.site(own.object, own.path), host: host, other: conflict.otherTenant,
                                                   otherObject: conflict.other.label))
                }
            }
        }
    }

    private static func snippets(_ members: Set<String>, _ context: TenancyContext, _ layer: inout LayerBuilder) {
        guard let allowing = context.edge.snippetsAllowedBy.first else { return }
        let setting = "ConfigMap \(allowing.namespace ?? "")/\(allowing.name) allows ingress-nginx snippet annotations"
        for ingress in context.ingresses.items(in: members) {
            let annotations = IngressNginxSnippets.annotations(of: ingress)
            guard !annotations.isEmpty else { continue }
            layer.limit(to: .none, "Ingress \(ingress.namespace ?? "")/\(ingress.name) sets \(annotations.joined(separator: ", ")) and the \(setting): the shared controller runs it with access to every tenant's Secrets",
                        ingress, "metadata.annotations", rules: [.ingressNginxSnippets])
        }
    }

    private static func references(_ tenant: Tenant, _ context: TenancyContext, _ layer: inout LayerBuilder) {
        for reference in tenant.namespaces.flatMap({ context.edge.references[$0] ?? [] }) {
            let owner = switch context.owner(of: reference.namespace) {
            case .tenant(let name) where name == tenant.name: "the tenant"
            case .tenant(let name): "tenant " + name
            case .platform: "the platform"
            case .unassigned: "no known tenant"
            }
            let from = "\(reference.from.kind) \(reference.from.namespace ?? "")/\(reference.from.name)"
            if reference.granted {
                layer.warn("\(from) refers to \(reference.target) of \(owner), which a ReferenceGrant allows", reference.from, reference.path)
            } else {
                layer.warn("\(from) refers to \(reference.target) of \(owner) without a ReferenceGrant: conformant controllers refuse it, others cross the namespace boundary",
                           reference.from, reference.path, rules: [.referenceWithoutGrant])
            }
        }
    }

    /// Host-network pods, host ports and node ports of the tenant on Nodes with a public address.
    private static func publicListeners(_ members: Set<String>, _ context: TenancyContext, _ layer: inout LayerBuilder) {
        let exposed = context.edge.publicNodes.names
        guard !exposed.isEmpty else { return }
        for placement in context.placements.items(in: members) {
            let pod = placement.pod
            let hostPorts = pod.containers.flatMap { container in
                (container.node["ports"]?.items ?? []).enumerated().compactMap { index, port in
                    port["hostPort"]?.int.map { ($0, container.path.appending("ports").appending(index: index).appending("hostPort")) }
                }
            }
            let hostNetwork = pod.spec["hostNetwork"]?.bool == true
            guard hostNetwork || !hostPorts.isEmpty else { continue }
            let nodes = (placement.nodes ?? exposed).intersection(exposed).sorted()
            guard !nodes.isEmpty else { continue }
            let (how, path) = hostNetwork ? ("runs on the host network", pod.specPath.appending("hostNetwork"))
                : ("listens on host port \(hostPorts.map { String($0.0) }.joined(separator: ", "))", hostPorts[0].1)
            let what = "\(pod.object.kind) \(pod.namespace)/\(pod.object.name)"
            reportPublic(what, how, nodes, pod.object, path, context, &layer)
        }
        for service in context.edge.services.items(in: members) {
            guard let type = service.root["spec"]?["type"]?.string, type == "NodePort" || type == "LoadBalancer" else { continue }
            let nodes = exposed.sorted()
            reportPublic("Service \(service.namespace ?? "")/\(service.name)", "opens a node port (type \(type))", nodes, service, "spec.type",
                         context, &layer)
        }
    }

    private static func reportPublic(_ what: String, _ how: String, _ nodes: [String], _ object: KubeObject, _ path: FieldPath,
                                     _ context: TenancyContext, _ layer: inout LayerBuilder) {
        let addresses = nodes.flatMap { context.edge.publicNodes.addresses[$0] ?? [] }
        layer.warn("\(what) \(how) on nodes with public addresses (\(nodes.joined(separator: ", ")): \(addresses.joined(separator: ", "))): reachable from the internet, past every network policy",
                   object, path, rules: [.gap(.publicNodeExposure)])
        layer.report(.publicNodeExposure(layer.site(object, path), what: "\(what) \(how)", nodes: nodes))
    }
}
