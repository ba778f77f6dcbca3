import Foundation
import RampartLoading
import RampartModel
import RampartTenancy
import Testing
import TestSupport

/// Issue 14: a misspelt key in the tenancy file is an error naming its line and the key meant.
@Suite struct TenancyUnknownKeyTests {
    private func parse(_ yaml: String) -> (TenancyModel?, [TenancyDiagnostic]) {
        guard let root = Fixtures.objects(yaml).first?.root else { return (nil, []) }
        return TenancyFile.parse(root, file: "tenants.yaml")
    }

    @Test func misspeltKeysAreErrorsWithTheNearestKey() {
        let (model, diagnostics) = parse("""
            apiVersion: rampart.dev/v1alpha1
            kind: Tenancy
            platformNamespace: [monitoring]
            tenants:
            - name: a
              trust: trusted
              namespace: {names: [a]}
            - name: b
              trsut: untrusted
              namespaces: {names: [b]}
            - name: c
              trust: trusted
              namespaces: {names: [c]}
              nodePool: {matchLabel: {pool: c}}
            - name: d
              trust: trusted
              namespaces: {names: [d]}
              colour: blue
            - name: e
              trust: trusted
              namespaces: {names: [e]}
            """)
        let errors = Set(diagnostics.filter { !$0.isWarning }.map(\.description))
        #expect(errors == [
            "line 3: tenancy file: unknown field 'platformNamespace'; did you mean 'platformNamespaces'?",
            "line 7: tenant 'a': unknown field 'namespace'; did you mean 'namespaces'?",
            "line 5: tenant 'a': namespaces must be a mapping with names and/or selector",
            "line 9: tenant 'b': unknown field 'trsut'; did you mean 'trust'?",
            "line 8: tenant 'b': trust is required (trusted or untrusted)",
            "line 14: tenant 'c': nodePool: unknown field 'matchLabel'; did you mean 'matchLabels'?",
            // Nothing is close to 'colour': the known keys, not a guess.
            "line 18: tenant 'd': unknown field 'colour' (known: compliance, isolation, name, namespaces, nodePool, "
                + "registries, requireMeshMTLS, trust, untrustedCode)",
        ])
        // Tenants with errors are left out, and any error stops the command (exit 2).
        #expect(model?.tenants.map(\.name) == ["e"])
    }

    @Test func exampleTenancyFileHasNoErrors() throws {
        let url = Fixtures.repositoryRoot.appendingPathComponent("examples/tenancy.yaml")
        let data = try #require(FileManager.default.contents(atPath: url.path))
        let loaded = ManifestLoader.load(Array(data), file: "examples/tenancy.yaml")
        #expect(loaded.errors.isEmpty)
        let root = try #require(loaded.objects.first?.root)
        let (model, diagnostics) = TenancyFile.parse(root, file: "examples/tenancy.yaml")
        #expect(!diagnostics.contains { !$0.isWarning }, "\(diagnostics.map(\.description))")
        #expect(model?.tenants.count == 3)
    }
}
