import Foundation
import NIOCore
import NIOSSL
import Synchronization

/// The serving certificate and key, read from disk and re-read when they change (cert-manager and
/// kubelet rotate Secret volumes in place). Each new connection takes the current TLS context;
/// open connections keep the one they started with, so nothing is dropped on rotation.
public final class CertificateStore: Sendable {
    /// Why the files could not be used. Names the files, never their content.
    public struct LoadError: Error, CustomStringConvertible {
        public var description: String
    }

    public let certificatePath: String
    public let keyPath: String
    private let state: Mutex<(context: NIOSSLContext, certificate: [UInt8], key: [UInt8])>

    /// Reads both files; throws when they are missing or do not make a TLS server context.
    public init(certificatePath: String, keyPath: String) throws {
        self.certificatePath = certificatePath
        self.keyPath = keyPath
        let (certificate, key) = try Self.read(certificatePath, keyPath)
        state = Mutex((try Self.context(certificate: certificate, key: key, files: (certificatePath, keyPath)), certificate, key))
    }

    /// The TLS context for a new connection.
    public var context: NIOSSLContext {
        state.withLock { $0.context }
    }

    /// Re-reads the files and swaps the context when their content changed. Returns true on a swap;
    /// throws (keeping the current context) when the new files are unusable, e.g. a key that does not
    /// match the certificate while a rotation is half written.
    @discardableResult
    public func reloadIfChanged() throws -> Bool {
        let (certificate, key) = try Self.read(certificatePath, keyPath)
        let unchanged = state.withLock { $0.certificate == certificate && $0.key == key }
        if unchanged { return false }
        let context = try Self.context(certificate: certificate, key: key, files: (certificatePath, keyPath))
        state.withLock { $0 = (context, certificate, key) }
        return true
    }

    /// TLS 1.2 and later, the certificate chain and key of the PEM files (`files`: their paths, for messages).
    /// How long a connection the server closes waits for the client's TLS close_notify.
    static let tlsShutdownTimeout = TimeAmount.milliseconds(500)

    static func context(certificate: [UInt8], key: [UInt8], files: (certificate: String, key: String)) throws -> NIOSSLContext {
        do {
            let chain = try NIOSSLCertificate.fromPEMBytes(certificate)
            guard !chain.isEmpty else { throw LoadError(description: "\(files.certificate) holds no PEM certificate") }
            let privateKey: NIOSSLPrivateKey
            do {
                privateKey = try NIOSSLPrivateKey(bytes: key, format: .pem)
            } catch {
                throw LoadError(description: "\(files.key) holds no readable PEM private key")
            }
            var configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) },
                                                                         privateKey: .privateKey(privateKey))
            configuration.minimumTLSVersion = .tlsv12
            // A closing connection waits this long for the client's close_notify (NIOSSL's default, 5 s,
            // held a draining server that long for clients that never answer it).
            configuration.shutdownTimeout = Self.tlsShutdownTimeout
            do {
                return try NIOSSLContext(configuration: configuration)
            } catch NIOSSLError.failedToLoadPrivateKey {
                // The key was read above, so here BoringSSL refused the pair (the key of another certificate).
                throw LoadError(description:
                    "the private key in \(files.key) does not match the certificate in \(files.certificate)")
            }
        } catch let error as LoadError {
            throw error
        } catch {
            throw LoadError(description: "cannot use the certificate and key: \(error)")
        }
    }

    private static func read(_ certificatePath: String, _ keyPath: String) throws -> ([UInt8], [UInt8]) {
        func bytes(_ path: String) throws -> [UInt8] {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw LoadError(description: "cannot read \(path)")
            }
            return Array(data)
        }
        return (try bytes(certificatePath), try bytes(keyPath))
    }
}
