import RampartModel

/// ingress-nginx configuration snippets: the controller ConfigMaps that allow them
/// (`allow-snippet-annotations: "true"`, off by default since controller v1.9) and the Ingresses
/// that carry them (`nginx.ingress.kubernetes.io/*-snippet`). A snippet is nginx configuration that
/// the shared controller runs, with its service account, which reads every namespace's Secrets.
public enum IngressNginxSnippets {
    /// The ConfigMap key that allows snippet annotations.
    public static let allowKey = "allow-snippet-annotations"

    /// The ConfigMaps that allow snippet annotations.
    public static func allowing(_ inventory: Inventory) -> [KubeObject] {
        inventory.objects(ofKind: ResourceKind.configMaps.kind, group: "").filter {
            $0.root["data"]?[allowKey]?.string?.lowercased() == "true"
        }
    }

    /// The snippet annotations of `ingress`, sorted.
    public static func annotations(of ingress: KubeObject) -> [String] {
        ingress.annotations.keys.filter { $0.hasPrefix("nginx.ingress.kubernetes.io/") && $0.hasSuffix("-snippet") }.sorted()
    }
}
