import Foundation
import RampartServer
import Testing

/// A key that belongs to another certificate is reported as a sentence naming both files, never as
/// NIOSSL's `failedToLoadPrivateKey`; an unreadable key names its file.
@Suite struct CertificateMismatchMessageTests {
    @Test func aKeyOfAnotherCertificateNamesBothFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rampart-mismatch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let certificatePath = directory.appendingPathComponent("tls.crt").path
        let keyPath = directory.appendingPathComponent("tls.key").path
        let one = try ServingCertificates.make(dnsNames: ["localhost"])
        let other = try ServingCertificates.make(dnsNames: ["localhost"])
        try Data(one.certificatePEM.utf8).write(to: URL(fileURLWithPath: certificatePath))
        try Data(other.privateKeyPEM.utf8).write(to: URL(fileURLWithPath: keyPath))
        let mismatch = #expect(throws: CertificateStore.LoadError.self) {
            try CertificateStore(certificatePath: certificatePath, keyPath: keyPath)
        }
        #expect(mismatch?.description == "the private key in \(keyPath) does not match the certificate in \(certificatePath)")

        try Data("not a key\n".utf8).write(to: URL(fileURLWithPath: keyPath))
        let unreadable = #expect(throws: CertificateStore.LoadError.self) {
            try CertificateStore(certificatePath: certificatePath, keyPath: keyPath)
        }
        #expect(unreadable?.description.contains(keyPath) == true)
        #expect(unreadable?.description.contains("failedToLoadPrivateKey") == false)
    }
}
