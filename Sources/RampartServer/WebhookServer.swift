import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOPosix
import RampartAdmission

/// The HTTPS admission webhook: `POST /validate`, `GET /healthz`, `GET /readyz`, `GET /metrics`.
/// A thin layer over `AdmissionController`; shuts down gracefully on SIGTERM (in-flight requests
/// finish) and re-reads its certificate while serving.
public struct WebhookServer: Sendable {
    /// Where and how the server listens.
    public struct Options: Sendable {
        public var host = "0.0.0.0"
        public var port = 8443
        public var certificatePath: String
        public var keyPath: String
        /// How often the certificate files are checked for changes.
        public var reloadInterval: Duration = .seconds(10)
        /// A connection on which nothing arrives for this long is closed: a stalled request, or an
        /// idle keep-alive connection. (The API server gives up on a webhook after its 5 s timeout.)
        public var readTimeout: Duration = .seconds(15)
        /// Longest time from a request's head to the end of its body: a body trickled a byte at a
        /// time never trips `readTimeout`. Answered 408, then the connection is closed.
        public var bodyTimeout: Duration = .seconds(10)
        /// Most bytes of request bodies held at once over all connections; a body that would pass it
        /// is answered 503 with `Retry-After`. 64 MiB holds about 21 bodies at the 3 MiB limit.
        public var bodyMemoryBudget = 64 << 20
        /// swift-log level of the JSON log on standard error (`trace` … `critical`).
        public var logLevel = "info"
        /// How often gathered log lines are written out (see `LogBuffer`).
        public var logFlushInterval: Duration = .milliseconds(100)

        public init(certificatePath: String, keyPath: String) {
            self.certificatePath = certificatePath
            self.keyPath = keyPath
        }
    }

    public let options: Options
    public let controller: AdmissionController
    public let store: CertificateStore
    public let metrics: WebhookMetrics
    public let logger: Logger
    /// Where the log lines wait to be written.
    public let logBuffer: LogBuffer

    /// The log levels `Options.logLevel` accepts.
    public static let logLevels = Logger.Level.allCases.map(\.rawValue)

    /// Reads the certificate and key; throws when they are unusable.
    public init(options: Options, controller: AdmissionController, logBuffer: LogBuffer = LogBuffer()) throws {
        self.options = options
        self.controller = controller
        self.logBuffer = logBuffer
        var logger = Logger(label: "rampart.webhook") { JSONLogHandler(label: $0, buffer: logBuffer) }
        logger.logLevel = Logger.Level(rawValue: options.logLevel) ?? .info
        self.logger = logger
        store = try CertificateStore(certificatePath: options.certificatePath, keyPath: options.keyPath)
        metrics = WebhookMetrics()
    }

    /// The application; `onRunning` receives the bound port (useful with port 0).
    public func application(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        let router = Router(context: WebhookRequestContext.self)
        let endpoint = ValidateEndpoint(controller: controller, metrics: metrics, logger: logger,
                                        budget: BodyBudget(limit: options.bodyMemoryBudget), bodyTimeout: options.bodyTimeout)
        router.post("/validate") { request, context in await endpoint.respond(to: request, context: context) }
        router.get("/healthz") { _, _ in "ok" }
        router.get("/readyz") { _, _ in "ok" }
        router.get("/metrics") { [metrics] _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                     body: ResponseBody(byteBuffer: ByteBuffer(bytes: metrics.exposition())))
        }
        let readTimeout = TimeAmount(options.readTimeout)
        let http = HTTP1Channel.Configuration(
            additionalChannelHandlers: [IdleStateHandler(readTimeout: readTimeout), ReadTimeoutHandler()])
        return Application(
            router: router,
            server: .reloadingTLS(store, configuration: http),
            configuration: ApplicationConfiguration(address: .hostname(options.host, port: options.port),
                                                    serverName: "rampart-webhook"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    /// Makes the server's event loops Swift Concurrency's global executor, so a request's handler runs
    /// on the thread that read it instead of hopping to the cooperative pool and back (measured: a
    /// quarter less CPU per request). Call once, from the main thread, before serving.
    public static func runConcurrencyOnEventLoops() {
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }

    /// Serves until SIGTERM or SIGINT, then finishes in-flight requests, writes the last log lines
    /// and returns.
    public func run() async throws {
        let reloader = Task { await watchCertificates() }
        let logWriter = Task { await flushLogs() }
        defer {
            reloader.cancel()
            logWriter.cancel()
            logBuffer.flush()
        }
        logger.info("serving", metadata: ["address": "\(options.host):\(options.port)"])
        try await application().runService()
    }

    /// Writes the gathered log lines every `logFlushInterval` until cancelled.
    public func flushLogs() async {
        while (try? await Task.sleep(for: options.logFlushInterval)) != nil {
            logBuffer.flush()
        }
    }

    /// Re-reads the certificate files every `reloadInterval` until cancelled.
    public func watchCertificates() async {
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: options.reloadInterval)
            } catch {
                return
            }
            do {
                if try store.reloadIfChanged() { logger.info("certificate reloaded", metadata: ["file": "\(options.certificatePath)"]) }
            } catch {
                logger.error("certificate not reloaded; still serving the previous one", metadata: ["error": "\(error)"])
            }
        }
    }
}
