import Foundation
import Hummingbird
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL
import Synchronization

/// A local HTTPS server that answers like a Kubernetes API server from recorded discovery documents
/// and list items: bearer token checked, pagination with `limit`/`continue`, a 429 on a path's first
/// request, 403 where told, metadata-only Secret lists when asked for `PartialObjectMetadataList`;
/// PATCH and DELETE of objects under a list path it serves (recorded with their bodies, answered 200).
final class FakeAPIServer: Sendable {
    /// What the server holds and how it misbehaves.
    struct Setup: Sendable {
        /// The bearer token every request must carry; nil: none needed.
        var token: String? = "test-token"
        /// Items (JSON objects as text) by list path, e.g. `/api/v1/pods`.
        var items: [String: [String]] = [:]
        /// List paths that answer 403 Forbidden.
        var forbidden: Set<String> = []
        /// Paths whose first request answers 429 with `Retry-After: 0`.
        var throttledOnce: Set<String> = []
        /// Ignore the metadata-only Accept header (as an old server would) and send Secrets whole.
        var ignoresMetadataAccept = false
        /// Require a client certificate signed by the test CA.
        var requireClientCertificate = false
        /// Serve the certificate that names kubernetes.test only (not 127.0.0.1).
        var nameOnlyCertificate = false
    }

    /// One request as received: its method, path with query, Accept and Content-Type headers, and body.
    struct Received: Sendable {
        var method = "GET"
        var path: String
        var accept: String
        var contentType = ""
        var body = ""
    }

    let setup: Setup
    let received = Mutex<[Received]>([])
    private let throttled = Mutex<Set<String>>([])

    init(_ setup: Setup) {
        self.setup = setup
    }

    /// Runs a server on a free port of 127.0.0.1 while `body` runs with its port.
    static func with<T: Sendable>(_ setup: Setup, _ body: (FakeAPIServer, Int) async throws -> T) async throws -> T {
        let server = FakeAPIServer(setup)
        let router = Router()
        router.get("**") { request, _ in server.respond(request) }
        router.patch("**") { request, _ in server.write(request, body: try await request.body.collect(upTo: 1 << 20)) }
        router.delete("**") { request, _ in server.write(request, body: ByteBuffer()) }
        let (certificate, key) = setup.nameOnlyCertificate
            ? (TestCertificates.nameOnlyServerCertificate, TestCertificates.nameOnlyServerKey)
            : (TestCertificates.serverCertificate, TestCertificates.serverKey)
        var tls = TLSConfiguration.makeServerConfiguration(
            certificateChain: try NIOSSLCertificate.fromPEMBytes(Array(certificate.utf8)).map { .certificate($0) },
            privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(key.utf8), format: .pem)))
        if setup.requireClientCertificate {
            tls.certificateVerification = .noHostnameVerification
            tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(Array(TestCertificates.caCertificate.utf8)))
        }
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router, server: try .tls(.http1(), tlsConfiguration: tls),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in portContinuation.yield(channel.localAddress?.port ?? 0) },
            logger: Self.quiet)
        let running = Task { try await app.run() }
        defer { running.cancel() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        return try await body(server, port)
    }

    /// The server's own log is silent: shutting down at the end of each test is expected.
    private static let quiet: Logger = {
        var logger = Logger(label: "fake-apiserver")
        logger.logLevel = .critical
        return logger
    }()

    private func respond(_ request: Request) -> Response {
        let path = String(request.uri.path)
        let accept = request.headers[.accept] ?? ""
        received.withLock { $0.append(Received(path: request.uri.description, accept: accept)) }
        if let token = setup.token, request.headers[.authorization] != "Bearer \(token)" {
            return status(401, "Unauthorized")
        }
        if setup.throttledOnce.contains(path), throttled.withLock({ $0.insert(path).inserted }) {
            return Response(status: .tooManyRequests, headers: [.retryAfter: "0"], body: .init(byteBuffer: ByteBuffer(string: "{}")))
        }
        if setup.forbidden.contains(path) {
            return status(403, "secrets is forbidden: User \"system:serviceaccount:rampart:rampart-scanner\" cannot list resource \"secrets\"")
        }
        if let document = FakeDiscovery.documents[path] { return json(document) }
        guard let items = setup.items[path] ?? itemsInNamespace(path) else { return status(404, "the server could not find the requested resource") }
        return json(page(items, path: path, request: request, metadataOnly: accept.contains("as=PartialObjectMetadataList")))
    }

    /// The items of a list in one namespace (`…/namespaces/NS/RESOURCE`), from the list of every namespace.
    private func itemsInNamespace(_ path: String) -> [String]? {
        var segments = path.split(separator: "/")
        guard let index = segments.firstIndex(of: "namespaces"), index + 2 == segments.count - 1 else { return nil }
        let namespace = String(segments[index + 1])
        segments.removeSubrange(index...(index + 1))
        return setup.items["/" + segments.joined(separator: "/")]?.filter { $0.contains(#""namespace":"\#(namespace)""#) }
    }

    /// A write to one object under a served list path: recorded, answered 200 (404 elsewhere).
    private func write(_ request: Request, body: ByteBuffer) -> Response {
        received.withLock {
            $0.append(Received(method: request.method.rawValue, path: request.uri.description, accept: request.headers[.accept] ?? "",
                               contentType: request.headers[.contentType] ?? "", body: String(buffer: body)))
        }
        if let token = setup.token, request.headers[.authorization] != "Bearer \(token)" { return status(401, "Unauthorized") }
        // The list path of the object's resource: its collection without `namespaces/NS`.
        var segments = request.uri.path.split(separator: "/").dropLast()
        if let index = segments.firstIndex(of: "namespaces"), index + 2 < segments.endIndex { segments.removeSubrange(index...(index + 1)) }
        let served = setup.items["/" + segments.joined(separator: "/")] != nil
        return served ? json("{}") : status(404, "the server could not find the requested resource")
    }

    /// One page of a list; the continue token is the next offset, base64-encoded as opaque tokens are.
    private func page(_ items: [String], path: String, request: Request, metadataOnly: Bool) -> String {
        let limit = request.uri.queryParameters.get("limit").flatMap { Int($0) } ?? items.count
        let offset = request.uri.queryParameters.get("continue")
            .flatMap { Data(base64Encoded: String($0)) }.flatMap { Int(String(decoding: $0, as: UTF8.self)) } ?? 0
        let end = min(items.count, offset + max(limit, 1))
        var slice = Array(items[min(offset, items.count)..<end])
        var kind = "List", apiVersion = "v1"
        if metadataOnly, !setup.ignoresMetadataAccept {
            (kind, apiVersion) = ("PartialObjectMetadataList", "meta.k8s.io/v1")
            slice = slice.map(Self.metadataOnly)
        }
        let next = end < items.count ? Data("\(end)".utf8).base64EncodedString() : ""
        return """
            {"kind":"\(kind)","apiVersion":"\(apiVersion)","metadata":{"resourceVersion":"42","continue":"\(next)"},\
            "items":[\(slice.joined(separator: ","))]}
            """
    }

    private static func metadataOnly(_ item: String) -> String {
        let object = (try? JSONSerialization.jsonObject(with: Data(item.utf8))) as? [String: Any]
        let partial: [String: Any] = ["kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1",
                                      "metadata": object?["metadata"] ?? [:]]
        let data = (try? JSONSerialization.data(withJSONObject: partial)) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    private func json(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    private func status(_ code: Int, _ message: String) -> Response {
        let status: [String: Any] = ["kind": "Status", "apiVersion": "v1", "status": "Failure", "message": message, "code": code]
        let body = String(decoding: (try? JSONSerialization.data(withJSONObject: status)) ?? Data(), as: UTF8.self)
        return Response(status: .init(code: code), headers: [.contentType: "application/json"],
                        body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
