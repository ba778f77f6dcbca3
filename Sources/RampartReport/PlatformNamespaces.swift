/// Namespaces that well-known platform components install into (ingress controllers, monitoring,
/// service meshes, certificate managers, GitOps and policy or security operators). Rampart does not
/// exempt them by itself; it proposes them for `platformNamespaces`, so the platform team decides
/// and they stop being judged as tenants.
public enum PlatformNamespaces {
    public static let wellKnown: Set<String> = [
        "ingress-nginx", "nginx-ingress", "traefik", "kong", "contour", "projectcontour", "haproxy-ingress", "envoy-gateway-system",
        "monitoring", "prometheus", "grafana", "observability", "logging", "loki", "opentelemetry", "datadog",
        "istio-system", "istio-ingress", "linkerd", "linkerd-viz", "cilium", "cilium-system", "calico-system", "tigera-operator",
        "cert-manager", "external-secrets", "external-dns", "vault", "sealed-secrets",
        "argocd", "argo-cd", "flux-system", "argo-rollouts",
        "gatekeeper-system", "kyverno", "falco", "trivy-system", "kubescape", "rampart",
        "velero", "metallb-system", "local-path-storage", "kubernetes-dashboard", "keda", "knative-serving",
    ]

    /// The well-known platform namespaces among `namespaces` that the configuration does not list yet.
    public static func proposals(_ namespaces: [String], configured: Set<String>) -> [String] {
        namespaces.filter { wellKnown.contains($0) && !configured.contains($0) }.sorted()
    }
}
