import RampartModel

/// Secrets and transit: API tokens mounted into untrusted pods, secrets passed through the
/// environment, Ingresses without TLS, and, where the tenant requires it, mesh mutual TLS in STRICT
/// mode (an Istio PeerAuthentication in the namespace or the root namespace `istio-system`, Istio
/// ambient mode, or Linkerd injection); the CNI's encryption between nodes is evidence, not mutual
/// TLS. Cloud identities and secret stores shared with other tenants fail the layer (`sources`);
/// the rest are warnings with the catalog rules that report them.
enum SecretsLayer {
    static func evaluate(_ tenant: Tenant, _ context: TenancyContext) -> LayerBuilder {
        var layer = LayerBuilder(.secrets, tenant)
        let members = Set(tenant.namespaces)
        for pod in context.pods(in: members) {
            podSecrets(pod, tenant, context, &layer)
        }
        for ingress in context.ingresses.items(in: members) {
            let name = "Ingress \(ingress.namespace ?? "")/\(ingress.name)"
            if ingress.root["spec"]?["tls"]?.items.isEmpty == false {
                layer.pass("\(name) terminates TLS", ingress, "spec.tls")
            } else {
                layer.warn("\(name) serves plain HTTP", ingress, "spec", rules: [.ingressWithoutTLS])
            }
        }
        for secret in context.secrets.items(in: members) {
            guard let token = ServiceAccountTokenSecret(secret) else { continue }
            layer.warn("Secret \(secret.namespace ?? "")/\(secret.name) holds a long-lived API token of \(token.owner): it never expires",
                       secret, token.path, rules: [.longLivedToken])
        }
        meshMTLS(tenant, context, &layer)
        if layer.evidence.isEmpty { layer.pass("no secrets in the environment, no API tokens in untrusted pods, no plain-HTTP Ingress") }
        sources(tenant, members, context, &layer)
        return layer
    }

    private static func podSecrets(_ pod: PodTemplate, _ tenant: Tenant, _ context: TenancyContext, _ layer: inout LayerBuilder) {
        let name = "\(pod.object.kind) \(pod.namespace)/\(pod.object.name)"
        for container in pod.containers {
            for (index, variable) in (container.node["env"]?.items ?? []).enumerated() where variable["valueFrom"]?["secretKeyRef"] != nil {
                layer.warn("\(name) passes a Secret through the environment (\(variable["name"]?.string ?? "?")): it leaks into logs, crash dumps and child processes",
                           pod.object, container.path.appending("env").appending(index: index), rules: [.secretInEnvironment])
            }
        }
        guard tenant.spec.isUntrusted else { return }
        let account = context.inventory.serviceAccount(namespace: pod.namespace, name: pod.serviceAccountName)
        let automount = pod.spec["automountServiceAccountToken"]?.bool ?? account?.root["automountServiceAccountToken"]?.bool ?? true
        if automount {
            layer.warn("\(name) mounts an API token of service account \(pod.serviceAccountName): untrusted code talks to the API server as it",
                       pod.object, pod.specPath.appending("automountServiceAccountToken"), rules: [.tokenAutomount])
        }
    }

    private static func meshMTLS(_ tenant: Tenant, _ context: TenancyContext, _ layer: inout LayerBuilder) {
        let encryption = context.cniEncryption
        if let encryption {
            layer.pass("traffic between nodes is encrypted by \(encryption.name)", encryption.object, encryption.path)
        }
        let strict = context.inventory.objects(ofKind: "PeerAuthentication", group: "security.istio.io").filter { policy in
            policy.root["spec"]?["mtls"]?["mode"]?.string == "STRICT" && policy.root["spec"]?["selector"] == nil
        }
        for namespace in tenant.namespaces {
            if let policy = strict.first(where: { $0.namespace == namespace || $0.namespace == "istio-system" }) {
                layer.pass("\(namespace): mutual TLS STRICT (PeerAuthentication \(policy.namespace ?? "")/\(policy.name))", policy, "spec.mtls.mode")
            } else if let object = context.inventory.namespace(namespace), object.annotations["linkerd.io/inject"] == "enabled" {
                layer.pass("\(namespace): Linkerd proxies injected (mutual TLS between meshed pods)", object, "metadata.annotations")
            } else if let object = context.inventory.namespace(namespace), object.labels["istio.io/dataplane-mode"] == "ambient" {
                layer.pass("\(namespace): Istio ambient mode (ztunnel mutual TLS between meshed pods)", object, "metadata.labels")
            } else if tenant.spec.requireMeshMTLS, let anchor = context.representative(of: namespace) {
                let path = TenancyContext.namespacePath(anchor)
                let cni = encryption.map { " (\($0.name) encrypts between nodes, but authenticates no workload)" } ?? ""
                if layer.limit(to: .none, "\(namespace): the tenant requires mesh mutual TLS, and no STRICT PeerAuthentication, Istio ambient mode or Linkerd injection covers it" + cni,
                               anchor, path, rules: [.gap(.meshMTLSNotStrict)]) {
                    layer.report(.meshMTLSNotStrict(layer.site(anchor, path), namespace: namespace))
                }
            }
        }
    }
}
