import RampartModel
import RampartRules
import Testing
import TestSupport

/// What counts as a literal credential: public PEM material never does, private keys always do,
/// and key names (`*_KEY`, `*ACCOUNT_KEY`, `*KEY_CONTENT`) do when the value is key material.
@Suite struct CredentialShapeTests {
    /// A self-signed certificate, as `kube-root-ca.crt` holds one (public by design).
    static let certificate = PEMFixtures.selfSignedCertificate

    /// A PEM block of `label` with a made-up body (not a real key).
    static func pem(_ label: String) -> String {
        "-----BEGIN \(label)-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\nVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n-----END \(label)-----\n"
    }

    static func configMap(_ name: String, namespace: String = "team-a", data: [(String, String)]) -> String {
        var yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: \(name), namespace: \(namespace)}\ndata:\n"
        for (key, value) in data {
            yaml += "  \(key): |\n" + value.split(separator: "\n", omittingEmptySubsequences: false)
                .dropLast(value.hasSuffix("\n") ? 1 : 0).map { "    " + $0 }.joined(separator: "\n") + "\n"
        }
        return yaml
    }

    // MARK: Defect 7: public PEM material is not a credential

    @Test func kubeRootCAConfigMapHasNoSecretsFinding() {
        let yaml = Self.configMap("kube-root-ca.crt", data: [("ca.crt", Self.certificate)])
        #expect(findings(yaml, rules: SecretRules.all).isEmpty)
        #expect(!SecretShape.isLiteralSecret(name: "ca.crt", value: Self.certificate))
    }

    @Test(arguments: ["CERTIFICATE", "PUBLIC KEY", "RSA PUBLIC KEY", "CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST", "X509 CRL",
                      "PGP PUBLIC KEY BLOCK"])
    func publicPEMBlocksAreNotCredentials(_ label: String) {
        #expect(!SecretShape.isLiteralSecret(name: "tls.crt", value: Self.pem(label)))
        #expect(!SecretShape.isLiteralSecret(name: "SIGNING_PRIVATE_KEY", value: Self.pem(label)), "the value decides, not the name")
    }

    @Test(arguments: ["RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "OPENSSH PRIVATE KEY",
                      "PGP PRIVATE KEY BLOCK", "SOMETHING UNKNOWN"])
    func privateKeyBlocksAreCredentialsUnderAnyName(_ label: String) {
        #expect(SecretShape.isLiteralSecret(name: "ca.crt", value: Self.pem(label)))
        #expect(SecretShape.isLiteralSecret(name: "config", value: "  \n" + Self.pem(label)))
    }

    @Test func aPrivateKeyAfterCertificatesIsStillFound() {
        let bundle = Self.certificate + Self.certificate + Self.pem("RSA PRIVATE KEY")
        #expect(SecretShape.isLiteralSecret(name: "tls.pem", value: bundle))
        let embedded = "server:\n  tls:\n    key: |\n      " + Self.pem("EC PRIVATE KEY")
        #expect(SecretShape.isLiteralSecret(name: "config.yaml", value: embedded))
        #expect(!SecretShape.isLiteralSecret(name: "config.yaml", value: "ca: |\n  " + Self.certificate))
    }

    @Test func configMapWithAnRSAPrivateKeyIsStillFlaggedWithoutTheValue() {
        let yaml = Self.configMap("tls", data: [("ca.crt", Self.certificate), ("tls.key", Self.pem("RSA PRIVATE KEY"))])
        let found = findings(yaml, rules: SecretRules.all)
        #expect(found.map(\.ruleId) == ["secrets.literal-in-configmap"])
        #expect(found.first?.message.contains("tls.key") == true)
        #expect(found.allSatisfy { !$0.message.contains("MIIE") && !$0.message.contains("BEGIN") })
    }

    // MARK: Defect 15: key names with key material

    static let azureKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
    static let ociKeyContent = "LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JSUV2Z0lCQURBTkJna3Foa2lHOXcwQkFRRUZBQVND"
    static let hexKey = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
    static let base32Seed = "FHATIUFTPAM7EFA4IWJH7OZUHTV6S556"

    @Test(arguments: [
        ("AZURE_STORAGE_ACCOUNT_KEY", azureKey), ("STORAGE_ACCOUNT_KEY", azureKey), ("OCI_CLI_KEY_CONTENT", ociKeyContent),
        ("azure-storage-account-key", azureKey), ("storageAccountKey", azureKey), ("COSMOS_PRIMARY_KEY", azureKey),
        ("HMAC_KEY", hexKey), ("MASTER_KEY", hexKey), ("TOTP_KEY", base32Seed), ("DEPLOY_PRIVATE_KEY", azureKey),
        ("AWS_SECRET_ACCESS_KEY", "h5Ut7pLq2Wz9XbV3kRm8NcYd4FsGj6TeAo1Qi0Hx"),
    ])
    func keyNamesWithKeyMaterialAreCredentials(_ name: String, _ value: String) {
        #expect(SecretShape.isLiteralSecret(name: name, value: value), "\(name)")
    }

    @Test(arguments: [
        ("CACHE_KEY", "users"), ("SORT_KEY", "name"), ("API_KEY_HEADER", "X-Api-Key"), ("PARTITION_KEY", "tenantId"),
        ("CACHE_KEY", "myservice-production-cache-v2-2024-01-15"), ("ROUTING_KEY", "orders.created.v1.eu-west-1.primary"),
        ("IDEMPOTENCY_KEY", "UsersByRegionAndDate2024Version1"), ("S3_KEY", "uploads/2024/05/report-final.pdf"),
        ("STORAGE_ACCOUNT_KEY", "short1A"), ("STORAGE_ACCOUNT_KEY", "${STORAGE_ACCOUNT_KEY}"),
        ("STORAGE_ACCOUNT_KEY", "REPLACE_WITH_YOUR_STORAGE_ACCOUNT_KEY_1234"), ("STORAGE_ACCOUNT_KEY", String(repeating: "ab12", count: 10)),
        ("VAPID_PUBLIC_KEY", azureKey), ("STRIPE_PUBLISHABLE_KEY", azureKey), ("GPG_KEY", "7169605F62C751356D054A26A821E680E5FA6305"),
        ("AZURE_STORAGE_ACCOUNT_KEY_FILE", "/var/run/secrets/azure/account-key"), ("KEY_ID", hexKey),
        ("DESCRIPTION", azureKey),
    ])
    func ordinaryValuesUnderKeyNamesAreNot(_ name: String, _ value: String) {
        #expect(!SecretShape.isLiteralSecret(name: name, value: value), "\(name)=\(value)")
    }

    @Test func keyMaterialInEnvAndConfigMapsIsReportedWithoutTheValue() {
        let yaml = """
            kind: ConfigMap
            metadata: {name: storage, namespace: a}
            data:
              AZURE_STORAGE_ACCOUNT_KEY: "\(Self.azureKey)"
              CACHE_KEY: users
            ---
            kind: Pod
            metadata: {name: p, namespace: a}
            spec:
              containers:
              - name: c
                image: x
                env:
                - {name: STORAGE_ACCOUNT_KEY, value: "\(Self.azureKey)"}
                - {name: OCI_CLI_KEY_CONTENT, value: "\(Self.ociKeyContent)"}
                - {name: SORT_KEY, value: name}
                - {name: API_KEY_HEADER, value: X-Api-Key}
            """
        let found = findings(yaml, rules: SecretRules.all)
        #expect(found.map(\.path).sorted() == [
            "data.AZURE_STORAGE_ACCOUNT_KEY", "spec.containers[0].env[0].value", "spec.containers[0].env[1].value",
        ])
        for finding in found {
            #expect(!finding.message.contains(String(Self.azureKey.prefix(8))) && !finding.message.contains(String(Self.ociKeyContent.prefix(8))))
        }
    }
}
