import RampartModel

/// Controllers that act on a tenant's request with more power than the tenant (confused deputies),
/// read from the inventory: Argo CD AppProjects, and the service accounts of Flux's and Capsule's
/// controllers when they apply what a namespace asks with their own identity.
struct DeputyFacts: Sendable {
    /// An Argo CD AppProject: which namespaces may hold its Applications, where they may deploy.
    struct Project: Sendable {
        var name: String
        /// Namespaces whose Applications the project accepts: its own (Argo CD's) and `sourceNamespaces` (globs).
        var sources: [String]
        /// Destination namespaces (globs; `*` is every namespace).
        var destinations: [String]
        /// True when `clusterResourceWhitelist` admits RBAC objects (any group and kind, or ClusterRoleBindings).
        var clusterResources: Bool
    }

    /// A controller that applies objects of `resource` with its own service account.
    struct Controller: Sendable {
        var group: String
        var resource: String
        /// `Flux kustomize-controller`.
        var name: String
        var account: RequestUser
        /// Why the objects run as the controller (`no serviceAccountName, and no --default-service-account`).
        var reason: String
    }

    static let argoGroup = "argoproj.io"

    let projects: [Project]
    let controllers: [Controller]

    init(_ inventory: Inventory) {
        projects = inventory.objects(ofKind: "AppProject", group: Self.argoGroup).map { object in
            let spec = object.root["spec"]
            let sources = (spec?["sourceNamespaces"]?.items ?? []).compactMap(\.string)
            let destinations = (spec?["destinations"]?.items ?? []).compactMap { $0["namespace"]?.string }
            let whitelist = spec?["clusterResourceWhitelist"]?.items ?? []
            let clusterResources = whitelist.contains { entry in
                let group = entry["group"]?.string ?? ""
                let kind = entry["kind"]?.string ?? ""
                return (group == "*" || group == RBACPolicy.group) && (kind == "*" || kind.hasPrefix("ClusterRole"))
            }
            return Project(name: object.name, sources: [object.namespace ?? ""] + sources, destinations: destinations,
                           clusterResources: clusterResources)
        }
        controllers = Self.knownControllers.compactMap { known in Self.controller(known, inventory) }
    }

    /// A controller known to apply objects as itself: its Deployment's name, the resource it reads,
    /// and how it is made to act as the tenant instead.
    private struct Known {
        var deployment: String
        var group: String
        var resource: String
        var name: String
        /// A container argument that makes objects run as a service account of their own namespace.
        var lockdown: String?
        /// The first release that no longer acts beyond the tenant, if any.
        var fixed: [Int]?
        var reason: String
    }

    private static let knownControllers: [Known] = [
        Known(deployment: "kustomize-controller", group: "kustomize.toolkit.fluxcd.io", resource: "kustomizations",
              name: "Flux kustomize-controller", lockdown: "--default-service-account", fixed: nil,
              reason: "a Kustomization without spec.serviceAccountName is applied by the controller's own service account (no --default-service-account)"),
        Known(deployment: "helm-controller", group: "helm.toolkit.fluxcd.io", resource: "helmreleases",
              name: "Flux helm-controller", lockdown: "--default-service-account", fixed: nil,
              reason: "a HelmRelease without spec.serviceAccountName is installed by the controller's own service account (no --default-service-account)"),
        Known(deployment: "capsule-controller-manager", group: "capsule.clastix.io", resource: "tenantresources",
              name: "Capsule controller", lockdown: nil, fixed: [0, 13, 0],
              reason: "Capsule before 0.13.0 applies a TenantResource's raw items with its own service account, cluster-scoped objects included (CVE-2026-22872)"),
    ]

    /// The controller of `known` when its Deployment is among the inputs and not locked down.
    private static func controller(_ known: Known, _ inventory: Inventory) -> Controller? {
        guard let deployment = inventory.objects(ofKind: "Deployment", group: "apps").first(where: { $0.name == known.deployment }),
              let namespace = deployment.namespace else { return nil }
        let pod = deployment.root["spec"]?["template"]?["spec"]
        let containers = pod?["containers"]?.items ?? []
        let arguments = containers.flatMap { ($0["args"]?.items ?? []) + ($0["command"]?.items ?? []) }.compactMap(\.string)
        if let lockdown = known.lockdown, arguments.contains(where: { $0.hasPrefix(lockdown) }) { return nil }
        if let fixed = known.fixed, let version = containers.compactMap({ $0["image"]?.string.flatMap(Self.version) }).first,
           version.lexicographicallyPrecedes(fixed) == false {
            return nil
        }
        let account = pod?["serviceAccountName"]?.string ?? pod?["serviceAccount"]?.string ?? "default"
        return Controller(group: known.group, resource: known.resource, name: known.name,
                          account: RequestUser(name: Subject.serviceAccountUserName(namespace: namespace, name: account)),
                          reason: known.reason)
    }

    /// `[0, 12, 4]` from `ghcr.io/projectcapsule/capsule:v0.12.4`; nil without a numeric tag.
    private static func version(_ image: String) -> [Int]? {
        let name = image.split(separator: "@").first.map(String.init) ?? image
        guard let colon = name.lastIndex(of: ":"), !name[colon...].contains("/") else { return nil }
        var tag = name[name.index(after: colon)...]
        if tag.hasPrefix("v") { tag = tag.dropFirst() }
        let parts = tag.split(separator: ".").prefix(3).map { Int($0.prefix { $0.isNumber }) }
        guard parts.count == 3, parts.allSatisfy({ $0 != nil }) else { return nil }
        return parts.compactMap { $0 }
    }
}

/// Argo CD's glob matching of namespace names, enough for AppProject fields: `*` matches any run of
/// characters; entries starting with `!` (exclusions) match nothing here, which over-reports.
enum NamespaceGlob {
    static func matches(_ pattern: String, _ name: String) -> Bool {
        guard !pattern.hasPrefix("!") else { return false }
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        guard parts.count > 1 else { return pattern == name }
        let head = parts[0], tail = parts[parts.count - 1]
        guard name.count >= head.count + tail.count, name.hasPrefix(head), name.hasSuffix(tail) else { return false }
        var rest = name.dropFirst(head.count).dropLast(tail.count)
        for middle in parts.dropFirst().dropLast() where !middle.isEmpty {
            guard let start = rest.indices.first(where: { rest[$0...].hasPrefix(middle) }) else { return false }
            rest = rest[start...].dropFirst(middle.count)
        }
        return true
    }
}
