import Crypto
import Foundation
import X509

/// A private CA and a serving certificate signed by it, for the webhook's Service: what
/// `rampart webhook certs` writes. The CA's key is used once and thrown away, so nobody can issue
/// more certificates under this CA; rotate by making a new pair and updating the `caBundle`.
public struct ServingCertificates: Sendable {
    public var caCertificatePEM: String
    public var certificatePEM: String
    public var privateKeyPEM: String

    /// The `caBundle` of a ValidatingWebhookConfiguration: the CA certificate's PEM, base64.
    public var caBundle: String { Data(caCertificatePEM.utf8).base64EncodedString() }

    /// The DNS names the API server uses to reach `service` in `namespace`.
    public static func serviceNames(service: String, namespace: String) -> [String] {
        ["\(service).\(namespace).svc", "\(service).\(namespace).svc.cluster.local", "\(service).\(namespace)", service]
    }

    /// A P-256 CA and serving certificate valid from `now` for `days` days, for `dnsNames`.
    public static func make(dnsNames: [String], days: Int = 365, now: Date = Date()) throws -> ServingCertificates {
        let notBefore = now.addingTimeInterval(-300)
        let notAfter = now.addingTimeInterval(Double(days) * 86_400)
        let caKey = P256.Signing.PrivateKey()
        let caName = try DistinguishedName { CommonName("rampart webhook CA") }
        let caCertificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(caKey.publicKey),
            notValidBefore: notBefore, notValidAfter: notAfter, issuer: caName, subject: caName,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                SubjectKeyIdentifier(hash: Certificate.PublicKey(caKey.publicKey))
            },
            issuerPrivateKey: .init(caKey))
        let key = P256.Signing.PrivateKey()
        let names = dnsNames.map { GeneralName.dnsName($0) }
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(key.publicKey),
            notValidBefore: notBefore, notValidAfter: notAfter, issuer: caName,
            subject: try DistinguishedName { CommonName(dnsNames.first ?? "rampart-webhook") },
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([.serverAuth])
                SubjectAlternativeNames(names)
                AuthorityKeyIdentifier(keyIdentifier: SubjectKeyIdentifier(hash: Certificate.PublicKey(caKey.publicKey)).keyIdentifier)
            },
            issuerPrivateKey: .init(caKey))
        return ServingCertificates(caCertificatePEM: try caCertificate.serializeAsPEM().pemString,
                                   certificatePEM: try certificate.serializeAsPEM().pemString,
                                   privateKeyPEM: try Certificate.PrivateKey(key).serializeAsPEM().pemString)
    }
}
