/// Word lists the generator draws names, images and values from.
enum Vocabulary {
    static let tenantWords = [
        "payments", "search", "billing", "identity", "catalog", "checkout", "ledger", "analytics", "media",
        "orders", "shipping", "pricing", "fraud", "support", "growth", "mobile", "data", "ml", "risk", "crm",
    ]
    static let customerWords = ["acme", "globex", "initech", "umbrella", "hooli", "stark", "wayne", "tyrell", "soylent", "wonka"]
    static let namespaceSuffixes = ["prod", "staging", "dev", "batch", "edge"]
    static let appWords = [
        "api", "web", "worker", "gateway", "indexer", "cache", "queue", "auth", "notifier", "scheduler",
        "reporting", "ingest", "frontend", "backend", "inference", "etl", "exporter", "sync", "router", "store",
    ]
    static let registries = [
        "registry.example.com/", "registry.example.com/", "ghcr.io/example/", "docker.io/library/", "quay.io/example/",
    ]
    static let baseImages = ["app", "nginx", "redis", "postgres", "python", "node", "envoy", "busybox", "golang-app", "java-app"]
    static let sidecars = ["envoy", "fluent-bit", "oauth2-proxy", "cloud-sql-proxy"]
    static let configKeys = [
        "LOG_LEVEL", "LOG_FORMAT", "HTTP_PORT", "FEATURE_FLAGS", "CACHE_TTL", "UPSTREAM_URL", "REGION", "WORKERS",
        "TIMEOUT_SECONDS", "METRICS_PATH",
    ]
    static let secretLookingKeys = ["DB_PASSWORD", "API_KEY", "AUTH_TOKEN", "CLIENT_SECRET", "SMTP_PASSWORD", "STRIPE_APIKEY"]
    static let secretDataKeys = ["password", "username", "token", "tls.crt", "tls.key", "api-key", "connection-string"]
    static let nodeNames = (1...24).map { "node-\($0 < 10 ? "0" : "")\($0)" }
    static let verbs = ["get", "list", "watch", "create", "update", "patch", "delete"]
    static let namespacedResources = [
        "pods", "services", "configmaps", "deployments", "jobs", "persistentvolumeclaims", "events", "ingresses",
    ]
}
