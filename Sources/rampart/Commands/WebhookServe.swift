import ArgumentParser
import Foundation
import RampartAdmission
import RampartLoading
import RampartPolicy
import RampartRules
import RampartServer

extension Rampart.Webhook {
    /// `rampart webhook serve`: HTTPS on `--port` until SIGTERM.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Serve the admission webhook over HTTPS (POST /validate, GET /healthz /readyz /metrics).",
            discussion: """
                Examples:
                  rampart webhook serve --cert certs/tls.crt --key certs/tls.key
                  rampart webhook serve --config rampart.yaml --cert tls.crt --key tls.key
                """)

        @Option(help: "Configuration file (kind: Config, with a webhook: section). Default: enforce everywhere but kube-system.")
        var config: String?

        @Option(help: "PEM certificate chain; re-read when it changes.")
        var cert: String

        @Option(help: "PEM private key; re-read when it changes.")
        var key: String

        @Option(help: "Address to listen on.")
        var host = "0.0.0.0"

        @Option(help: "Port to listen on.")
        var port = 8443

        @Option(help: "Seconds between checks of the certificate files.")
        var reloadInterval = 10

        @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
        var logLevel = "info"

        @Option(help: "Seconds a request's body may take to arrive (answered 408 and closed after).")
        var bodyTimeout = 10

        @Option(help: "MiB of request bodies held at once over all connections (beyond: 503 with Retry-After).")
        var bodyMemoryMib = 64

        func validate() throws {
            guard WebhookServer.logLevels.contains(logLevel) else { throw ValidationError("unknown --log-level '\(logLevel)'") }
            guard reloadInterval > 0 else { throw ValidationError("--reload-interval must be positive") }
            guard bodyTimeout > 0 else { throw ValidationError("--body-timeout must be positive") }
            guard (3...4096).contains(bodyMemoryMib) else {
                throw ValidationError("--body-memory-mib must be between 3 (one body at the 3 MiB limit) and 4096")
            }
        }

        func run() async throws {
            WebhookServer.runConcurrencyOnEventLoops()
            let controller = AdmissionController(config: try loadConfig())
            var options = WebhookServer.Options(certificatePath: cert, keyPath: key)
            options.host = host
            options.port = port
            options.reloadInterval = .seconds(reloadInterval)
            options.logLevel = logLevel
            options.bodyTimeout = .seconds(bodyTimeout)
            options.bodyMemoryBudget = bodyMemoryMib << 20
            let server: WebhookServer
            do {
                server = try WebhookServer(options: options, controller: controller)
            } catch {
                throw ValidationError("\(error)")
            }
            try await server.run()
        }

        /// The configuration; errors in it stop the command (exit 2) after listing them.
        private func loadConfig() throws -> WebhookConfig {
            guard let config else { return WebhookConfig() }
            let (parsed, errors) = try ConfigFile.read(config)
            try ConfigFile.stop(on: errors)
            return parsed
        }
    }
}
