import RampartModel
import RampartRBAC

/// The secrets layer's identities and stores: cloud identities of the tenant's service accounts
/// (one identity mapped into two tenants lets each act in the cloud as the other), ClusterSecretStores
/// that serve the tenant and other tenants (each can name the others' keys in the backend, read with
/// the store's one credential), and the external stores the tenant's Secrets come from (External
/// Secrets, the Secrets Store CSI driver, Sealed Secrets, Vault agent injection), the good path.
extension SecretsLayer {
    static func sources(_ tenant: Tenant, _ members: Set<String>, _ context: TenancyContext, _ layer: inout LayerBuilder) {
        cloudIdentities(tenant, context, &layer)
        clusterStores(tenant, context, &layer)
        externalSources(members, context, &layer)
    }

    private static func cloudIdentities(_ tenant: Tenant, _ context: TenancyContext, _ layer: inout LayerBuilder) {
        let identities = ClaimConflict.values(of: tenant, context.identity.identitiesByNamespace, value: \.identity)
        for identity in identities {
            let mappings = context.identity.identitiesByValue[identity] ?? []
            let conflicts = ClaimConflict.of(tenant.name, mappings) { context.tenantOwning($0.namespace) }
            for conflict in conflicts {
                let own = conflict.own
                let message = "\(own.label) and \(conflict.other.label) of tenant \(conflict.otherTenant) are both mapped to \(identity): each acts in the cloud as the other"
                if layer.limit(to: .none, message, own.object, own.path, rules: [.gap(.sharedCloudIdentity)]), conflict.reportsHere {
                    layer.report(.sharedCloudIdentity(layer.site(own.object, own.path), identity: identity, other: conflict.otherTenant,
                                                      otherAccount: conflict.other.label))
                }
            }
            if conflicts.isEmpty, let own = mappings.first(where: { context.tenantOwning($0.namespace) == tenant.name }) {
                layer.pass("\(own.label) is mapped to \(identity), which no other tenant's account is", own.object, own.path)
            }
        }
        if !identities.isEmpty { identityWriters(tenant, context, &layer) }
    }

    /// The RoleBindings of the tenant's namespaces that let their subjects update or patch service
    /// accounts there: they choose the cloud identity of the tenant's pods.
    private static func identityWriters(_ tenant: Tenant, _ context: TenancyContext, _ layer: inout LayerBuilder) {
        let policy = context.boundaries.policy
        for namespace in tenant.namespaces {
            let requests = ["update", "patch"].map { AccessRequest.resource($0, "serviceaccounts", namespace: namespace) }
            for binding in policy.roleBindings(in: namespace) {
                guard case .resolved(let role) = policy.role(of: binding),
                      let rule = role.rules.first(where: { rule in requests.contains { rule.rule.allows($0) } }) else { continue }
                let subjects = binding.subjects.map(\.subject.description).joined(separator: ", ")
                layer.warn("RoleBinding \(namespace)/\(binding.name) lets \(subjects) rewrite the cloud identity of service accounts in \(namespace) (rules[\(rule.index)] of \(role.key))",
                           binding.object, "roleRef", rules: [.cloudIdentityWritable])
            }
        }
    }

    /// Each ClusterSecretStore that serves the tenant and other tenants; the first of them reports it.
    private static func clusterStores(_ tenant: Tenant, _ context: TenancyContext, _ layer: inout LayerBuilder) {
        for store in context.identity.clusterStores {
            let served = context.tenants.filter { other in
                other.namespaces.contains { store.serves($0, labels: context.inventory.namespaceLabels($0) ?? [:]) }
            }.map(\.name)
            guard served.contains(tenant.name) else { continue }
            let others = served.filter { $0 != tenant.name }
            let name = "ClusterSecretStore \(store.store.name)"
            guard !others.isEmpty else {
                layer.pass("\(name) serves the tenant and no other tenant", store.store, store.path)
                continue
            }
            let message = "\(name) serves tenants \(served.joined(separator: ", ")): an ExternalSecret of any of them can read the others' secrets with the store's credentials"
            if layer.limit(to: .none, message, store.store, store.path, rules: [.gap(.sharedSecretStore)]), served.first == tenant.name {
                layer.report(.sharedSecretStore(layer.site(store.store, store.path), store: store.store.name, others: others))
            }
        }
    }

    private static func externalSources(_ members: Set<String>, _ context: TenancyContext, _ layer: inout LayerBuilder) {
        var seen: Set<String> = []
        for source in context.identity.externalSources.items(in: members) where seen.insert("\(source.namespace ?? "")/\(source.kind)").inserted {
            layer.pass("\(source.namespace ?? ""): Secrets come from an external store (\(source.kind) \(source.name))", source, "metadata.name")
        }
        for pod in context.pods(in: members) where pod.annotations["vault.hashicorp.com/agent-inject"] == "true"
            && seen.insert("\(pod.namespace)/vault").inserted {
            layer.pass("\(pod.namespace): Vault agent injects secrets into \(pod.object.kind) \(pod.object.name)", pod.object,
                       pod.templatePath.appending("metadata").appending("annotations"))
        }
    }
}
