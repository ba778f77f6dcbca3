import AsyncHTTPClient
import Foundation
import NIOCore
import NIOSSL

/// An HTTPS client of one API server: GET requests with the connection's credentials, retried on
/// 429/5xx. Audits only read; the one writer is `ReportApplier` (server-side apply and delete of the
/// report objects Rampart owns). Holds the bearer token for its lifetime and never logs or prints it.
public final class KubeClient: Sendable {
    /// One answer: its status and body.
    public struct Response: Sendable {
        public var status: Int
        public var body: [UInt8]
    }

    /// The methods Rampart sends: GET to read; PATCH (server-side apply) and DELETE for its reports.
    public enum Method: Sendable {
        case GET, PATCH, DELETE
    }

    /// The largest answer accepted (one page of a list).
    public static let maximumBody = 512 << 20

    private let http: HTTPClient
    private let base: String
    /// The server as configured, for messages.
    private let server: String
    private let authorization: String?
    private let retry: RetryPolicy

    private init(http: HTTPClient, base: String, server: String, authorization: String?, retry: RetryPolicy) {
        self.http = http
        self.base = base
        self.server = server
        self.authorization = authorization
        self.retry = retry
    }

    /// A client for `connection`; runs its exec plugin first, if it has one.
    public static func connect(_ connection: ClusterConnection, retry: RetryPolicy = RetryPolicy()) async throws(KubeError) -> KubeClient {
        var connection = connection
        var token: String?
        switch connection.authentication {
        case .none: break
        case .token(let value): token = value
        case .tokenFile(let file):
            token = String(decoding: try ConnectionResolver.read(file, what: "token"), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
        case .exec(let plugin):
            let credential = try await ExecCredentialPlugin.run(plugin, for: connection)
            token = credential.token
            if let certificate = credential.clientCertificatePEM, let key = credential.clientKeyPEM {
                connection.clientCertificatePEM = certificate
                connection.clientKeyPEM = key
            }
        }
        let (base, configuration) = try configure(connection)
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        return KubeClient(http: http, base: base, server: connection.server, authorization: token.map { "Bearer \($0)" }, retry: retry)
    }

    /// The base URL to request and the HTTP client configuration (TLS trust, client certificate,
    /// server name). With `tls-server-name`, requests name that host and a DNS override sends them
    /// to the real one, so the certificate is verified against the name and SNI carries it.
    static func configure(_ connection: ClusterConnection) throws(KubeError) -> (String, HTTPClient.Configuration) {
        guard var components = URLComponents(string: connection.server), let host = components.host,
              let scheme = components.scheme, scheme == "https" || scheme == "http" else {
            throw KubeError("the server \"\(connection.server)\" is not an http(s) URL")
        }
        var tls = TLSConfiguration.makeClientConfiguration()
        do {
            if let ca = connection.certificateAuthorityPEM {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(ca))
            }
            if let certificate = connection.clientCertificatePEM, let key = connection.clientKeyPEM {
                tls.certificateChain = try NIOSSLCertificate.fromPEMBytes(certificate).map { .certificate($0) }
                tls.privateKey = .privateKey(try NIOSSLPrivateKey(bytes: key, format: .pem))
            }
        } catch {
            throw KubeError("the certificate authority, client certificate or client key is not valid PEM")
        }
        if connection.insecureSkipTLSVerify { tls.certificateVerification = .none }
        var configuration = HTTPClient.Configuration()
        configuration.tlsConfiguration = tls
        configuration.redirectConfiguration = .disallow
        configuration.timeout = .init(connect: .seconds(15), read: .seconds(120))
        // Our retry loop decides; the pool would otherwise retry a failing TLS handshake until the timeout.
        configuration.connectionPool.retryConnectionEstablishment = false
        if let name = connection.tlsServerName, !name.isEmpty, name != host {
            configuration.dnsOverride = [name: host.trimmingCharacters(in: ["[", "]"])]
            components.host = name
        }
        components.path = components.path.hasSuffix("/") ? String(components.path.dropLast()) : components.path
        return (components.string ?? connection.server, configuration)
    }

    /// GETs `path` (with its query), retrying 429/5xx answers and connection failures. Returns the
    /// last answer, whatever its status; throws when the server could not be reached at all.
    public func get(_ path: String, accept: String = "application/json") async throws(KubeError) -> Response {
        try await send(.GET, path, accept: accept)
    }

    /// Sends one request (`body` with its `contentType`), retried as `get` is: only for the
    /// idempotent writes of `ReportApplier` (apply, delete).
    public func send(_ method: Method, _ path: String, body: [UInt8]? = nil, contentType: String? = nil,
                     accept: String = "application/json") async throws(KubeError) -> Response {
        var request = HTTPClientRequest(url: base + path)
        switch method {
        case .GET: request.method = .GET
        case .PATCH: request.method = .PATCH
        case .DELETE: request.method = .DELETE
        }
        request.headers.add(name: "Accept", value: accept)
        request.headers.add(name: "User-Agent", value: method == .GET ? "rampart (read-only audit)" : "rampart (report writer)")
        if let authorization { request.headers.add(name: "Authorization", value: authorization) }
        if let body {
            request.body = .bytes(ByteBuffer(bytes: body))
            if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
        }
        var attempt = 1
        while true {
            var retryAfter: String?
            do {
                let response = try await http.execute(request, timeout: .seconds(180))
                let status = Int(response.status.code)
                retryAfter = response.headers.first(name: "Retry-After")
                let body = try await response.body.collect(upTo: Self.maximumBody)
                if !RetryPolicy.isRetryable(status: status) || attempt >= retry.attempts {
                    return Response(status: status, body: Array(body.readableBytesView))
                }
            } catch {
                if attempt >= retry.attempts || Self.isTLS(error) { throw KubeError("cannot reach \(server): \(Self.describe(error))") }
            }
            try? await Task.sleep(for: .seconds(retry.delay(after: attempt, retryAfter: retryAfter)))
            attempt += 1
        }
    }

    /// A failed TLS handshake or certificate check: trying again cannot help.
    private static func isTLS(_ error: any Error) -> Bool {
        error is NIOSSLError || error is BoringSSLError || error is NIOSSLExtraError
    }

    /// A short description of a transport error (TLS and connection errors name no secrets).
    private static func describe(_ error: any Error) -> String {
        (isTLS(error) ? "TLS: " : "") + String(describing: error)
    }

    /// Closes the connections.
    public func shutdown() async {
        try? await http.shutdown()
    }
}
