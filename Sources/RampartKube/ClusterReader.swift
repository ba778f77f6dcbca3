import Foundation
import RampartLoading
import RampartModel
import Synchronization

/// What was read from a cluster: the objects (without files), what could not be read, and when.
public struct ClusterSnapshot: Sendable {
    public var objects: [KubeObject] = []
    public var gaps: [CoverageGap] = []
    /// Answers that could not be parsed (named by resource).
    public var errors: [InputError] = []
    /// The resources listed.
    public var resources: [APIResource] = []
    public var readAt = Date()
}

/// Reads a cluster read-only: discovery and the server's `/version`, then every scanned resource listed page by page
/// (`limit`/`continue`) with a bounded number of lists running at once. Forbidden or failing
/// resources become coverage gaps; only refused credentials and an unreachable server stop it.
public enum ClusterReader {
    /// How to read.
    public struct Options: Sendable {
        /// Read only this namespace's namespaced objects (cluster-scoped ones are always read).
        public var namespace: String?
        public var pageSize = 500
        /// Lists running at once.
        public var concurrency = 4
        public var resources = ScannedResources.all
        /// Kinds read besides `resources`, wherever discovery serves them (the custom rules' kinds).
        public var kinds: [ScannedResources.WantedKind] = []

        public init(namespace: String? = nil) {
            self.namespace = namespace
        }
    }

    /// How far the read has got, for a progress line.
    public struct Progress: Sendable {
        public var resourcesDone: Int
        public var resourcesTotal: Int
        public var objects: Int
    }

    /// Reads the cluster behind `client`.
    public static func read(_ client: KubeClient, options: Options = Options(),
                            progress: @escaping @Sendable (Progress) -> Void = { _ in }) async throws(KubeError) -> ClusterSnapshot {
        var snapshot = ClusterSnapshot()
        let (resources, discoveryGaps) = try await APIDiscovery.resources(client, wanted: options.resources, kinds: options.kinds)
        snapshot.resources = resources
        snapshot.gaps = discoveryGaps
        let server = try await ServerVersionReader.read(client)
        if let object = server.object { snapshot.objects.append(object) }
        if let gap = server.gap { snapshot.gaps.append(gap) }
        var results = [ResourceResult?](repeating: nil, count: resources.count)
        let counter = ProgressCounter(total: resources.count, report: progress)
        do {
            try await withThrowingTaskGroup(of: (Int, ResourceResult).self) { group in
                var next = 0
                func start() {
                    guard next < resources.count else { return }
                    let index = next, resource = resources[index]
                    next += 1
                    group.addTask { (index, try await list(resource, client: client, options: options, counter: counter)) }
                }
                for _ in 0..<options.concurrency { start() }
                while let (index, result) = try await group.next() {
                    results[index] = result
                    counter.finishResource()
                    start()
                }
            }
        } catch let error as KubeError {
            throw error
        } catch {
            throw KubeError("reading the cluster failed: \(error)")
        }
        for result in results.compactMap({ $0 }) {
            snapshot.objects += result.objects
            snapshot.gaps += result.gaps
            snapshot.errors += result.errors
        }
        snapshot.gaps.sort()
        snapshot.readAt = Date()
        return snapshot
    }

    private struct ResourceResult: Sendable {
        var objects: [KubeObject] = []
        var gaps: [CoverageGap] = []
        var errors: [InputError] = []
    }

    /// Every page of one resource. A failing page keeps what came before it and records a gap.
    private static func list(_ resource: APIResource, client: KubeClient, options: Options,
                             counter: ProgressCounter) async throws(KubeError) -> ResourceResult {
        var result = ResourceResult()
        let metadataOnly = ScannedResources.metadataOnly.contains(.init(group: resource.group, name: resource.name))
        let namespace = resource.namespaced ? options.namespace : nil
        var token: String?
        repeat {
            var path = resource.listPath(namespace: namespace) + "?limit=\(options.pageSize)"
            if let token { path += "&continue=" + (token.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? token) }
            let response = try await client.get(path, accept: metadataOnly ? ScannedResources.metadataAccept : "application/json")
            try CoverageGap.stopOnUnauthorized(response)
            guard response.status == 200 else {
                result.gaps.append(CoverageGap(resource: resource.qualifiedName, namespace: namespace, response: response))
                return result
            }
            let page = LiveObjects.page(response.body, of: resource)
            if let error = page.error {
                result.errors.append(error)
                return result
            }
            result.objects += page.objects
            counter.add(objects: page.objects.count)
            token = page.next
        } while token != nil
        return result
    }
}

/// Counts resources and objects read across concurrent lists and reports each change.
private final class ProgressCounter: Sendable {
    private let state: Mutex<(done: Int, objects: Int)>
    private let total: Int
    private let report: @Sendable (ClusterReader.Progress) -> Void

    init(total: Int, report: @escaping @Sendable (ClusterReader.Progress) -> Void) {
        self.state = Mutex((0, 0))
        self.total = total
        self.report = report
    }

    func add(objects: Int) { update { $0.objects += objects } }
    func finishResource() { update { $0.done += 1 } }

    private func update(_ change: (inout (done: Int, objects: Int)) -> Void) {
        let now = state.withLock { value in
            change(&value)
            return value
        }
        report(ClusterReader.Progress(resourcesDone: now.done, resourcesTotal: total, objects: now.objects))
    }
}
