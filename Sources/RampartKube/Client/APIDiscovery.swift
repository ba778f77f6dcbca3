import RampartLoading
import RampartModel

/// API discovery: which of the wanted resources the server serves, at which version (the group's
/// preferred one, or for a wanted resource the preferred version does not serve, the first other
/// version that does: MutatingAdmissionPolicy is beta while its group prefers v1), with their kinds
/// and scope. Groups that fail to answer become coverage gaps.
enum APIDiscovery {
    /// The wanted resources the server serves, in the order of `wanted`, then the served resources
    /// of `kinds` not among them (by group and name), and the gaps met.
    static func resources(_ client: KubeClient, wanted: [ScannedResources.Wanted], kinds: [ScannedResources.WantedKind] = [])
        async throws(KubeError) -> (resources: [APIResource], gaps: [CoverageGap]) {
        let anyGroup = kinds.contains { $0.groups.isEmpty }
        let groups = Set(wanted.map(\.group) + kinds.flatMap(\.groups))
        var versions: [String: String] = [:]
        var otherVersions: [String: [String]] = [:]
        var gaps: [CoverageGap] = []
        let core = try await document(client, "/api")
        if let version = core.node?["versions"]?.items.first?.string { versions[""] = version }
        let named = try await document(client, "/apis")
        for group in named.node?["groups"]?.items ?? [] {
            guard let name = group["name"]?.string, anyGroup || groups.contains(name),
                  let version = group["preferredVersion"]?["version"]?.string ?? group["versions"]?[0]?["version"]?.string
            else { continue }
            versions[name] = version
            otherVersions[name] = (group["versions"]?.items ?? []).compactMap { $0["version"]?.string }.filter { $0 != version }
        }
        gaps += [core.gap, named.gap].compactMap { $0 }
        var served: [ScannedResources.Wanted: APIResource] = [:]
        for (group, version) in versions.sorted(by: { $0.key < $1.key }) {
            try await serve(client, group: group, version: version, into: &served, gaps: &gaps)
        }
        for (group, others) in otherVersions.sorted(by: { $0.key < $1.key }) {
            for version in others where wanted.contains(where: { $0.group == group && served[$0] == nil }) {
                try await serve(client, group: group, version: version, into: &served, gaps: &gaps)
            }
        }
        let listed = wanted.compactMap { served[$0] }
        let wantedSet = Set(wanted)
        let extra = served.filter { key, resource in
            !wantedSet.contains(key) && kinds.contains { $0.matches(group: resource.group, kind: resource.kind) }
        }.sorted { ($0.key.group, $0.key.name) < ($1.key.group, $1.key.name) }.map(\.value)
        return (listed + extra, gaps)
    }

    /// Adds the listable resources of `group` at `version` that `served` does not hold yet.
    private static func serve(_ client: KubeClient, group: String, version: String,
                              into served: inout [ScannedResources.Wanted: APIResource], gaps: inout [CoverageGap]) async throws(KubeError) {
        let path = group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)"
        let list = try await document(client, path)
        if let gap = list.gap { gaps.append(gap) }
        for item in list.node?["resources"]?.items ?? [] {
            guard let name = item["name"]?.string, !name.contains("/"), let kind = item["kind"]?.string,
                  item["verbs"]?.items.contains(where: { $0.string == "list" }) == true,
                  served[ScannedResources.Wanted(group: group, name: name)] == nil else { continue }
            served[ScannedResources.Wanted(group: group, name: name)] = APIResource(
                group: group, version: version, name: name, kind: kind, namespaced: item["namespaced"]?.bool ?? false)
        }
    }

    /// A discovery document, or the gap explaining why there is none. 401 stops everything.
    private static func document(_ client: KubeClient, _ path: String) async throws(KubeError) -> (node: Node?, gap: CoverageGap?) {
        let response = try await client.get(path)
        try CoverageGap.stopOnUnauthorized(response)
        guard response.status == 200 else {
            return (nil, CoverageGap(resource: path, namespace: nil, response: response))
        }
        let (documents, _) = ManifestLoader.documents(response.body, file: path)
        return (documents.first, nil)
    }
}
