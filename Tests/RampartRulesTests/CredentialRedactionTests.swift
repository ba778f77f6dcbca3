import Foundation
import RampartModel
import RampartRules
import Testing
import TestSupport

/// What `rampart snapshot` writes: literal credentials of ConfigMaps and env withheld, with markers
/// the secrets rules still report, so an offline audit of the snapshot has the same findings.
@Suite struct CredentialRedactionTests {
    static let awsSecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ9Ld3kT4b"
    static let awsKeyID = "AKIAZ3MSJV4WQH7TQ2LB"
    static let storageKey = "q8Xv2LmN4pR7sT1uW3yZ5aB6cD9eF0gH2iJ4kL6mN8oP1qR3sT5uV7wX9yZ2aB4cD6eF8gH0iJ=="
    static let githubToken = "ghp_R7tY2uI9oP3aS5dF8gH1jK4lZ6xC0vB2nM7q"
    static let password = "S3cure-Pa55word!"
    static let apiToken = "tok-9f8e7d6c5b4a3f2e1d0c"
    static let privateKey = """
        -----BEGIN PRIVATE KEY-----
        MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj
        -----END PRIVATE KEY-----
        """
    static let originals = [awsSecretKey, awsKeyID, storageKey, githubToken, password, apiToken, privateKey]

    static let manifests = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: app-config
          namespace: team-a
          annotations:
            kubectl.kubernetes.io/last-applied-configuration: '{"data":{"AWS_SECRET_ACCESS_KEY":"\(awsSecretKey)"}}'
            owner: team-a
        data:
          AWS_ACCESS_KEY_ID: \(awsKeyID)
          AWS_SECRET_ACCESS_KEY: \(awsSecretKey)
          STORAGE_ACCOUNT_KEY: "\(storageKey)"
          ci.github: \(githubToken)
          tls.pem: "\(privateKey.replacingOccurrences(of: "\n", with: "\\n"))"
          LOG_LEVEL: debug
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api, namespace: team-a}
        spec:
          template:
            spec:
              initContainers:
              - name: migrate
                image: registry.example/migrate:1
                env:
                - {name: API_TOKEN, value: \(apiToken)}
              containers:
              - name: api
                image: registry.example/api:2
                env:
                - {name: LOG_LEVEL, value: info}
                - {name: DB_PASSWORD, value: "\(password)"}
                - {name: DB_PASSWORD_FILE, value: /run/secrets/db}
        """

    static let secretRules: Set<String> = ["secrets.literal-in-configmap", "secrets.literal-in-env"]

    static func secretFindings(_ objects: [KubeObject]) -> [String] {
        Auditor.audit(AuditContext(inventory: Inventory(objects: objects), settings: RuleSettings()), rules: Catalog.rules)
            .filter { secretRules.contains($0.ruleId) }
            .map { "\($0.ruleId) \($0.object.name) \($0.path)" }
            .sorted()
    }

    static func scalars(_ node: Node) -> [String] {
        switch node.content {
        case .scalar(let scalar): [scalar.text]
        case .sequence(let items): items.flatMap(scalars)
        case .mapping(let entries): entries.flatMap { [$0.key] + scalars($0.value) }
        }
    }

    static func redacted() -> (objects: [KubeObject], results: [CredentialRedaction.Result]) {
        let results = Fixtures.objects(manifests).map(CredentialRedaction.redact)
        return (results.compactMap { KubeObject(root: $0.root, file: nil) }, results)
    }

    /// The (name, value) pairs of the fixture: ConfigMap keys and env variables.
    static let pairs = [
        ("AWS_ACCESS_KEY_ID", awsKeyID), ("AWS_SECRET_ACCESS_KEY", awsSecretKey), ("STORAGE_ACCOUNT_KEY", storageKey),
        ("ci.github", githubToken), ("tls.pem", privateKey), ("API_TOKEN", apiToken), ("DB_PASSWORD", password),
    ]

    @Test func theSnapshotKeepsNoCredentialAndTheAuditStillReportsThemAll() throws {
        let before = Self.secretFindings(Fixtures.objects(Self.manifests))
        #expect(before.contains("secrets.literal-in-configmap app-config data.AWS_SECRET_ACCESS_KEY"))
        #expect(before.contains("secrets.literal-in-env api spec.template.spec.containers[0].env[1].value"))
        let (objects, results) = Self.redacted()
        #expect(results.map(\.withheld).reduce(0, +) == before.count, "one value withheld per finding")
        #expect(results.allSatisfy { $0.unrecognised == 0 })
        let text = objects.flatMap { Self.scalars($0.root) }
        // Every value the detection takes for a credential is gone (the AWS secret key and the
        // password always; the others as the detection of the day judges them).
        for (name, secret) in Self.pairs where SecretShape.isLiteralSecret(name: name, value: secret) {
            #expect(!text.contains { $0.contains(secret) }, "\(name) is still in the snapshot")
        }
        #expect(!text.contains { $0.contains(Self.awsSecretKey) || $0.contains(Self.password) })
        #expect(!text.contains { $0.contains(Self.awsKeyID.dropFirst(4)) }, "only the token format's prefix is kept")
        #expect(Self.secretFindings(objects) == before, "the offline audit reports the same findings at the same paths")
    }

    @Test func eachShapeGetsAMarkerTheDetectionRecognises() throws {
        let (objects, _) = Self.redacted()
        let data = try #require(objects.first?.root["data"])
        #expect(data["AWS_SECRET_ACCESS_KEY"]?.string == CredentialRedaction.credentialMarker)
        #expect(data["AWS_ACCESS_KEY_ID"]?.string == "AKIA" + CredentialRedaction.credentialMarker)
        #expect(data["ci.github"]?.string == "ghp_" + CredentialRedaction.credentialMarker)
        if SecretShape.isLiteralSecret(name: "STORAGE_ACCOUNT_KEY", value: Self.storageKey) {
            #expect(data["STORAGE_ACCOUNT_KEY"]?.string == CredentialRedaction.keyMaterialMarker)
        }
        if SecretShape.isLiteralSecret(name: "tls.pem", value: Self.privateKey) {
            #expect(data["tls.pem"]?.string == CredentialRedaction.privateKeyMarker)
        }
        #expect(data["LOG_LEVEL"]?.string == "debug", "other values are kept")
        let env = objects[1].root["spec"]?["template"]?["spec"]?["containers"]?[0]?["env"]
        #expect(env?[1]?["value"]?.string == CredentialRedaction.credentialMarker)
        #expect(env?[0]?["value"]?.string == "info")
        #expect(env?[2]?["value"]?.string == "/run/secrets/db")
        for (name, value) in Self.pairs {
            #expect(CredentialRedaction.marker(name: name, value: value).recognised, "\(name)")
        }
    }

    @Test func theLastAppliedAnnotationGoesOnlyWithAWithheldValue() throws {
        let (objects, _) = Self.redacted()
        #expect(objects[0].annotations == ["owner": "team-a"])
        let plain = try #require(Fixtures.objects("""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              annotations: {kubectl.kubernetes.io/last-applied-configuration: '{"data":{"LOG_LEVEL":"debug"}}'}
            data: {LOG_LEVEL: debug}
            """).first)
        let result = CredentialRedaction.redact(plain)
        #expect(result.withheld == 0)
        #expect(KubeObject(root: result.root, file: nil)?.annotations.count == 1)
    }
}
