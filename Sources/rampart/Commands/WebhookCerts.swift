import ArgumentParser
import Foundation
import RampartServer

extension Rampart.Webhook {
    /// `rampart webhook certs`: a private CA and the webhook's serving certificate, written to a directory.
    struct Certs: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "certs",
            abstract: "Create a CA and the webhook's serving certificate; print the caBundle.",
            discussion: """
                Writes ca.crt, tls.crt and tls.key (mode 0600) to --out-dir and prints the base64 caBundle for \
                `rampart webhook manifests --ca-bundle`. The CA key is not kept: rotate by running this again. \
                Load the pair with: kubectl -n NAMESPACE create secret tls rampart-webhook-tls --cert tls.crt --key tls.key

                Examples:
                  rampart webhook certs --out-dir certs
                  rampart webhook certs --namespace rampart --dns-name localhost --days 90
                """)

        @Option(help: "Namespace of the webhook's Service.")
        var namespace = "rampart-system"

        @Option(help: "Name of the webhook's Service.")
        var service = "rampart-webhook"

        @Option(name: .customLong("dns-name"), help: "An extra DNS name for the certificate (repeatable), e.g. localhost.")
        var dnsNames: [String] = []

        @Option(help: "Days the certificates are valid.")
        var days = 365

        @Option(help: "Directory to write ca.crt, tls.crt and tls.key to.")
        var outDir = "."

        func validate() throws {
            guard days > 0 else { throw ValidationError("--days must be positive") }
        }

        func run() throws {
            let names = ServingCertificates.serviceNames(service: service, namespace: namespace) + dnsNames
            let certificates = try ServingCertificates.make(dnsNames: names, days: days)
            let directory = URL(fileURLWithPath: outDir)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try write(certificates.caCertificatePEM, to: directory.appendingPathComponent("ca.crt"), mode: 0o644)
            try write(certificates.certificatePEM, to: directory.appendingPathComponent("tls.crt"), mode: 0o644)
            try write(certificates.privateKeyPEM, to: directory.appendingPathComponent("tls.key"), mode: 0o600)
            print(certificates.caBundle)
        }

        private func write(_ text: String, to url: URL, mode: Int) throws {
            guard FileManager.default.createFile(atPath: url.path, contents: Data(text.utf8), attributes: [.posixPermissions: mode]) else {
                throw ValidationError("cannot write \(url.path)")
            }
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
        }
    }
}
