import Dispatch
import Foundation
import RampartKube
import RampartLoading
import RampartModel
import RampartReport
import Synchronization

extension InputReader {
    /// The objects of the inputs: the files and directories given, or the live cluster with `--cluster`.
    static func load(_ input: InputOptions) -> LoadResult {
        read(input).loaded
    }

    /// As `load`, with the cluster that was read (for the report) when the input was a cluster;
    /// `kinds` are read live besides the catalog's (the custom rules' kinds).
    static func read(_ input: InputOptions, kinds: [ScannedResources.WantedKind] = []) -> (loaded: LoadResult, source: ReportSource?) {
        guard input.cluster.cluster else { return (load(input.paths), nil) }
        return ClusterInput.read(input.cluster, kinds: kinds)
    }
}

/// The live-cluster adapter of the CLI: resolves the kubeconfig, reads the cluster read-only with a
/// progress line on a terminal, and reports what could not be read on standard error.
enum ClusterInput {
    /// What a read gave: the objects as a load result (a failure is its one error) and the source.
    struct Read: Sendable {
        var loaded: LoadResult
        var source: ReportSource?
        var snapshot: ClusterSnapshot?
        var connection: ClusterConnection?
    }

    /// Reads the cluster of `options`, blocking until done (commands are synchronous).
    static func read(_ options: ClusterOptions, kinds: [ScannedResources.WantedKind] = []) -> (loaded: LoadResult, source: ReportSource?) {
        let result = readFully(options, kinds: kinds)
        return (result.loaded, result.source)
    }

    /// Reads the cluster, keeping the snapshot and connection for `rampart snapshot`.
    static func readFully(_ options: ClusterOptions, kinds: [ScannedResources.WantedKind] = []) -> Read {
        let request = Request(kubeconfig: options.kubeconfig, context: options.context, namespace: options.clusterNamespace,
                              kinds: kinds)
        let box = ReadBox()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            let result = await readAsync(request)
            box.value.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        return box.value.withLock { $0 } ?? Read(loaded: LoadResult())
    }

    /// The options of a read, as plain values that can cross into the reading task.
    private struct Request: Sendable {
        var kubeconfig: String?
        var context: String?
        var namespace: String?
        var kinds: [ScannedResources.WantedKind]
    }

    private final class ReadBox: Sendable {
        let value = Mutex<Read?>(nil)
    }

    private static func readAsync(_ options: Request) async -> Read {
        let connection: ClusterConnection
        do {
            connection = try ConnectionResolver.resolve(.init(kubeconfig: options.kubeconfig, context: options.context))
        } catch {
            return failure(error, origin: options.kubeconfig ?? "kubeconfig")
        }
        let progress = ProgressLine(server: connection.server)
        do throws(KubeError) {
            let client = try await KubeClient.connect(connection)
            let snapshot: ClusterSnapshot
            do throws(KubeError) {
                var readOptions = ClusterReader.Options(namespace: options.namespace)
                readOptions.kinds = options.kinds
                snapshot = try await ClusterReader.read(client, options: readOptions, progress: { progress.show($0) })
            } catch {
                await client.shutdown()
                throw error
            }
            await client.shutdown()
            // SwiftNIO ignores SIGPIPE for its sockets; give it back its default so that writing the
            // report into a closed pipe (`| head`) ends the process quietly, as without --cluster.
            signal(SIGPIPE, SIG_DFL)
            progress.clear()
            for gap in snapshot.gaps {
                warn("not covered: \(gap.resource)\(gap.namespace.map { " in \($0)" } ?? ""): \(gap.reason)")
            }
            var loaded = LoadResult(objects: snapshot.objects, errors: snapshot.errors, documents: snapshot.objects.count)
            loaded.cleanInputs = 1
            let source = ReportSource(
                server: connection.server, context: connection.contextName, cluster: connection.clusterName,
                namespace: options.namespace, readAt: timestamp(snapshot.readAt),
                coverageGaps: snapshot.gaps)
            return Read(loaded: loaded, source: source, snapshot: snapshot, connection: connection)
        } catch {
            progress.clear()
            // The live cluster, named by its server; it has no line (line 0).
            return failure(error, origin: "\(connection.server) (live)")
        }
    }

    private static func failure(_ error: KubeError, origin: String) -> Read {
        Read(loaded: LoadResult(errors: [InputError(file: origin, line: 0, column: 0, message: error.message)]))
    }

    /// ISO 8601 UTC, to the second.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("rampart: \(message)\n".utf8))
    }
}

/// `reading https://…: 12/33 resources, 4210 objects` on standard error, rewritten in place, only
/// when standard error is a terminal.
private final class ProgressLine: Sendable {
    private let server: String
    private let enabled = isatty(STDERR_FILENO) == 1
    private let shown = Mutex(false)

    init(server: String) {
        self.server = server
    }

    func show(_ progress: ClusterReader.Progress) {
        guard enabled else { return }
        shown.withLock { shown in
            shown = true
            let line = "\rreading \(server): \(progress.resourcesDone)/\(progress.resourcesTotal) resources, \(progress.objects) objects"
            FileHandle.standardError.write(Data((line + "\u{1B}[K").utf8))
        }
    }

    func clear() {
        shown.withLock { shown in
            if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            shown = false
        }
    }
}
