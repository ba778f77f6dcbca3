import RampartModel

/// Fairness: a ResourceQuota that bounds CPU, memory and pods (and load balancers for untrusted
/// tenants, and the devices of each DeviceClass when the cluster has any), a LimitRange that gives
/// containers defaults, and an API Priority and Fairness FlowSchema that puts every tenant's service
/// accounts in a priority level that bounds them.
enum FairnessLayer {
    static func evaluate(_ tenant: Tenant, _ context: TenancyContext) -> LayerBuilder {
        var layer = LayerBuilder(.fairness, tenant)
        let devices = deviceBounds(context.inventory)
        for namespace in tenant.namespaces {
            quota(namespace, tenant, devices: devices, context, &layer)
            limitRange(namespace, context, &layer)
        }
        flowSchema(tenant, context, &layer)
        return layer
    }

    /// Quota keys by what they bound; any key of a group bounds it.
    static let bounds: [(what: String, keys: [String])] = [
        ("cpu", ["cpu", "requests.cpu", "limits.cpu"]),
        ("memory", ["memory", "requests.memory", "limits.memory"]),
        ("pods", ["pods", "count/pods"]),
    ]
    static let untrustedBounds: [(what: String, keys: [String])] = [
        ("load balancers", ["services.loadbalancers"]),
        ("node ports", ["services.nodeports"]),
    ]

    private static func quota(_ namespace: String, _ tenant: Tenant, devices: [(what: String, keys: [String])],
                              _ context: TenancyContext, _ layer: inout LayerBuilder) {
        let quotas = context.quotas.items(in: namespace)
        guard !quotas.isEmpty else {
            layer.limit(to: .none, "\(namespace) has no ResourceQuota: the tenant can fill the cluster", context.representative(of: namespace),
                        rules: [.namespaceWithoutQuota])
            return
        }
        let keys = Set(quotas.flatMap { $0.root["spec"]?["hard"]?.entries.map(\.key) ?? [] })
        let needed = bounds + (tenant.spec.isUntrusted ? untrustedBounds : []) + devices
        let missing = needed.filter { bound in !bound.keys.contains(where: keys.contains) }.map(\.what)
        let object = quotas[0]
        if missing.isEmpty {
            layer.pass("\(namespace): ResourceQuota \(quotas.map(\.name).joined(separator: ", ")) bounds \(needed.map(\.what).joined(separator: ", "))",
                       object, "spec.hard")
        } else {
            let text = "\(namespace): ResourceQuota \(quotas.map(\.name).joined(separator: ", ")) does not bound \(missing.joined(separator: ", "))"
            layer.warn(text, object, "spec.hard", rules: [.gap(.quotaIncomplete)])
            layer.report(.quotaIncomplete(layer.site(object, "spec.hard"), namespace: namespace, unbounded: missing))
        }
    }

    private static func limitRange(_ namespace: String, _ context: TenancyContext, _ layer: inout LayerBuilder) {
        let ranges = context.limitRanges.items(in: namespace)
        let withDefaults = ranges.first { range in
            (range.root["spec"]?["limits"]?.items ?? []).contains { $0["type"]?.string == "Container" && $0["default"] != nil }
        }
        if let withDefaults {
            layer.pass("\(namespace): LimitRange \(withDefaults.name) gives containers default limits", withDefaults, "spec.limits")
        } else {
            layer.warn("\(namespace) has no LimitRange with container defaults: pods without limits take what they can",
                       ranges.first ?? context.representative(of: namespace), rules: [.namespaceWithoutLimitRange])
        }
    }

    private static func flowSchema(_ tenant: Tenant, _ context: TenancyContext, _ layer: inout LayerBuilder) {
        let group = "flowcontrol.apiserver.k8s.io"
        let found = TenantFlowSchema.find(for: Set(tenant.namespaces), in: context.inventory.objects(ofKind: "FlowSchema", group: group))
        guard let found else {
            guard let anchor = context.representative(of: tenant) else { return }
            layer.warn("no FlowSchema limits the tenant's service accounts: their API requests compete with everyone's", anchor,
                       rules: [.gap(.noFlowSchema)])
            layer.report(.noFlowSchema(layer.site(anchor, TenancyContext.namespacePath(anchor)), schema: nil, level: nil, why: nil))
            return
        }
        let path: FieldPath = "spec.priorityLevelConfiguration.name"
        if let why = found.unbounded(levels: context.inventory.objects(ofKind: "PriorityLevelConfiguration", group: group)) {
            layer.warn("FlowSchema \(found.object.name) puts the tenant's service accounts in priority level \(found.level), \(why)",
                       found.object, path, rules: [.gap(.noFlowSchema)])
            layer.report(.noFlowSchema(layer.site(found.object, path), schema: found.object.name, level: found.level, why: why))
        } else {
            layer.pass("FlowSchema \(found.object.name) puts the tenant's service accounts in priority level \(found.level)", found.object, "spec.rules")
        }
    }
}
