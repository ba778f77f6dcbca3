import RampartModel

/// Compute: which nodes the tenant's pods may run on (node selectors, required node affinity,
/// taints and tolerations, RuntimeClass scheduling), whether other tenants' pods may run there
/// too, whether its pods run in a sandboxed runtime, and which privileged or host-level pods share
/// its nodes (the node's blast radius). Lifecycle taints (`not-ready`, `unschedulable`…) come and
/// go with the node's state: they are not placement, and are left out.
///
/// Shared nodes keep a tenant at `soft`; a dedicated pool gives `soft-affinity`; a dedicated pool
/// with every pod sandboxed gives `hard`.
enum ComputeLayer {
    static func evaluate(_ tenant: Tenant, _ context: TenancyContext) -> LayerBuilder {
        var layer = LayerBuilder(.compute, tenant)
        let members = Set(tenant.namespaces)
        let own = context.placements.items(in: members)
        poolTaintsSkippable(tenant, context, &layer)
        guard !own.isEmpty else {
            withoutWorkloads(tenant, context, &layer)
            return layer
        }
        let ownNodes = Set(own.flatMap { $0.nodes ?? [] })
        // Pods of a tenant mostly share their node sets: who shares them is worked out once per set.
        var sharingByNodes: [Set<String>: [String]] = [:]
        for placement in own {
            let shared = placement.nodes.map { nodes in
                sharingByNodes[nodes] ?? {
                    let shared = sharing(others(on: nodes, outside: members, context), context)
                    sharingByNodes[nodes] = shared
                    return shared
                }()
            } ?? []
            judge(placement, shared: shared, tenant, context, &layer)
        }
        if context.placement.nodes.isEmpty {
            layer.warn("no Node objects among the inputs: placement judged from the pods' node selectors only")
        }
        neighbours(others(on: ownNodes, outside: members, context), tenant, context, &layer)
        return layer
    }

    /// The pods outside `members` that may run on one of `nodes`, in input order.
    private static func others(on nodes: Set<String>, outside members: Set<String>, _ context: TenancyContext) -> [Placement.PodPlacement] {
        Set(nodes.flatMap { context.placementsOnNode[$0] ?? [] }).sorted()
            .map { context.placements.items[$0] }
            .filter { !members.contains($0.pod.namespace) }
    }

    /// The tenants (and unassigned namespaces) of `others`, sorted; the platform's are left out.
    private static func sharing(_ others: [Placement.PodPlacement], _ context: TenancyContext) -> [String] {
        var tenants: Set<String> = []
        for other in others {
            switch context.owner(of: other.pod.namespace) {
            case .tenant(let name): tenants.insert(name)
            case .unassigned: tenants.insert("namespace \(other.pod.namespace)")
            case .platform: continue
            }
        }
        return tenants.sorted()
    }

    /// `shared`: the tenants whose pods may share a node with `placement`.
    private static func judge(_ placement: Placement.PodPlacement, shared: [String], _ tenant: Tenant,
                              _ context: TenancyContext, _ layer: inout LayerBuilder) {
        let object = placement.pod.object
        let spec = placement.pod.specPath
        let name = "\(object.kind) \(object.namespace ?? "")/\(object.name)"
        let path = spec.appending(placement.nodeName == nil ? "nodeSelector" : "nodeName")
        var problem: String?
        if !shared.isEmpty {
            problem = "may run on nodes shared with \(shared.joined(separator: ", "))"
            if let node = placement.nodeName {
                problem = "names node \(node) itself (spec.nodeName skips the scheduler and NoSchedule taints) and " + (problem ?? "")
            }
        } else if let pool = tenant.spec.nodePool, !placement.isPinned(to: pool, nodes: context.placement.nodes) {
            problem = "is not pinned to the tenant's node pool (nodeSelector or required node affinity, and a toleration of the pool's taint)"
        } else if placement.nodes == nil, tenant.spec.nodePool == nil {
            problem = "may run on any node: no node pool is declared and no Node object is among the inputs"
        }
        if let problem {
            if layer.limit(to: .soft, "\(name) \(problem)", object, path, rules: [.gap(.sharedNodes)]) {
                layer.report(.sharedNodes(layer.site(object, path), workload: name, required: tenant.spec.requiredIsolation, problem: problem))
            }
        }
        let dedicated = problem == nil
        if dedicated {
            let nodes = placement.nodes.map { $0.isEmpty ? "no node (nothing matches its selector and tolerations)" : $0.sorted().joined(separator: ", ") }
            layer.pass("\(name) runs only on nodes no other tenant uses" + (nodes.map { ": " + $0 } ?? ""), object, spec.appending("nodeSelector"))
        }
        if let runtime = placement.runtime, runtime.isSandboxed {
            layer.pass("\(name) runs sandboxed (RuntimeClass \(runtime.name), handler \(runtime.handler))", object, spec.appending("runtimeClassName"))
        } else {
            let text = "\(name) runs without a sandboxed runtime (\(placement.runtime.map { "RuntimeClass \($0.name), handler \($0.handler)" } ?? "the node's default runtime"))"
            if layer.limit(to: .softAffinity, text, object, spec.appending("runtimeClassName"), rules: [.gap(.unsandboxedUntrustedCode)]) {
                layer.report(.unsandboxedUntrustedCode(layer.site(object, spec.appending("runtimeClassName")), workload: name))
            }
            if tenant.spec.isUntrusted { userNamespace(placement.pod, name, &layer) }
        }
    }

    /// An untrusted tenant's pod without a sandbox: with a user namespace of its own (`hostUsers:
    /// false`, GA in Kubernetes 1.36) root in its containers is an unprivileged user on the node;
    /// in the node's user namespace it is the node's root once it escapes.
    private static func userNamespace(_ pod: PodTemplate, _ name: String, _ layer: inout LayerBuilder) {
        let path = pod.specPath.appending("hostUsers")
        if pod.spec["hostUsers"]?.bool == false {
            layer.pass("\(name) runs in a user namespace of its own (hostUsers: false): its root is an unprivileged user on the node",
                       pod.object, path)
        } else if layer.limit(to: .softAffinity, "\(name) runs unsandboxed in the node's user namespace: root in its containers is root on the node",
                              pod.object, path, rules: [.gap(.hostUserNamespace)]) {
            layer.report(.hostUserNamespace(layer.site(pod.object, path), workload: name))
        }
    }

    /// Privileged or host-level pods, and unsandboxed untrusted pods, that may share the tenant's nodes.
    /// `others`: the pods of other namespaces that may run on the tenant's nodes.
    private static func neighbours(_ others: [Placement.PodPlacement], _ tenant: Tenant,
                                   _ context: TenancyContext, _ layer: inout LayerBuilder) {
        for other in others where !isStaticControlPlanePod(other.pod.object) {
            let object = other.pod.object
            let name = "\(object.kind) \(other.pod.namespace)/\(object.name)"
            let owner = context.owner(of: other.pod.namespace)
            if let node = other.nodeName, case .tenant(let intruder) = owner {
                layer.warn("\(name) of tenant \(intruder) names node \(node) of the tenant's nodes in spec.nodeName: it skips the scheduler and every NoSchedule taint",
                           object, other.pod.specPath.appending("nodeName"), chargedTo: intruder)
            }
            if let power = hostPower(other.pod) {
                switch owner {
                case .tenant(let name2): layer.warn("\(name) (\(power)) of tenant \(name2) may run on the tenant's nodes", object, other.pod.specPath, chargedTo: name2)
                default: layer.warn("\(name) (\(power)) may run on the tenant's nodes: whoever controls it controls them", object, other.pod.specPath)
                }
            } else if case .tenant(let name2) = owner, let spec = context.tenant(named: name2)?.spec, spec.isUntrusted, !other.isSandboxed {
                layer.warn("\(name) of untrusted tenant \(name2) runs unsandboxed on nodes the tenant may use", object,
                           other.pod.specPath.appending("runtimeClassName"), rules: [.gap(.unsandboxedUntrustedCode)], chargedTo: name2)
            }
        }
    }

    /// A pool kept for the tenant by `NoSchedule` taints only: any pod that names one of its nodes in
    /// `spec.nodeName` skips the scheduler and lands there; only a `NoExecute` taint keeps it off.
    private static func poolTaintsSkippable(_ tenant: Tenant, _ context: TenancyContext, _ layer: inout LayerBuilder) {
        guard let pool = tenant.spec.nodePool else { return }
        let poolNodes = context.placement.nodes.filter { pool.matches($0.labels) && !$0.taints.isEmpty }
        guard let node = poolNodes.first(where: { !$0.taints.contains(where: Placement.evicts) }) else { return }
        layer.warn("node \(node.name) of the tenant's pool keeps other pods off with NoSchedule taints only: a pod that names it in "
                   + "spec.nodeName skips the scheduler and lands there (a NoExecute taint, or an admission policy that forbids spec.nodeName, keeps it off)",
                   node.object, "spec.taints")
    }

    /// A control-plane component the kubelet runs from its manifest directory (etcd, kube-apiserver…):
    /// it runs on its control-plane node only, not where a tenant's pods may be scheduled. Known by
    /// the mirror-pod annotation, a Node owner, or kubeadm's `tier: control-plane` label in kube-system.
    static func isStaticControlPlanePod(_ object: KubeObject) -> Bool {
        guard object.kind == "Pod", object.namespace == "kube-system" else { return false }
        if object.annotations["kubernetes.io/config.mirror"] != nil { return true }
        if object.metadata?["ownerReferences"]?.items.contains(where: { $0["kind"]?.string == "Node" }) == true { return true }
        return object.labels["tier"] == "control-plane"
    }

    /// `privileged`, `hostPID`, `hostNetwork`, writable `hostPath`…: what gives a pod the node.
    static func hostPower(_ pod: PodTemplate) -> String? {
        var powers: [String] = []
        if pod.containers.contains(where: { $0.securityContext?["privileged"]?.bool == true }) { powers.append("privileged") }
        for key in ["hostPID", "hostIPC", "hostNetwork"] where pod.spec[key]?.bool == true { powers.append(key) }
        if pod.spec["volumes"]?.items.contains(where: { $0["hostPath"] != nil }) == true { powers.append("hostPath") }
        return powers.isEmpty ? nil : powers.joined(separator: ", ")
    }

    /// Without workloads, what the tenant's set-up allows: shared nodes without a node pool; a
    /// dedicated pool with one; hard when a sandboxed RuntimeClass is available too.
    private static func withoutWorkloads(_ tenant: Tenant, _ context: TenancyContext, _ layer: inout LayerBuilder) {
        layer.pass("no workloads among the inputs: placement is judged from the tenant's set-up until there are")
        guard let pool = tenant.spec.nodePool else {
            layer.limit(to: .soft, "no dedicated node pool declared: the tenant's workloads will share nodes")
            return
        }
        if !context.placement.nodes.isEmpty {
            let poolNodes = context.placement.nodes.filter { pool.matches($0.labels) }
            if poolNodes.isEmpty {
                layer.warn("no Node among the inputs matches the tenant's node pool")
            } else if let open = poolNodes.first(where: { $0.taints.isEmpty }) {
                layer.limit(to: .soft, "node \(open.name) of the tenant's pool has no taint: other tenants' pods may land on it", open.object, "spec")
            }
        }
        if let runtime = context.placement.sandboxedRuntime {
            layer.pass("sandboxed RuntimeClass \(runtime.name) (handler \(runtime.handler)) is available", runtime.object, "handler")
        } else {
            layer.limit(to: .softAffinity, "no sandboxed RuntimeClass (gVisor, Kata) among the inputs")
        }
    }
}
