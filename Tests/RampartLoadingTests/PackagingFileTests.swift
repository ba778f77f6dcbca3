import RampartLoading
import Testing

/// A Helm chart or a kustomization handed to `audit` unrendered is named as such, never read
/// "cleanly" as if it held no objects.
@Suite struct PackagingFileTests {
    @Test("Chart.yaml, values.yaml and kustomization.yaml are input errors that say what to do",
          arguments: ["chart/Chart.yaml", "chart/values.yaml", "overlays/prod/kustomization.yaml"])
    func packagingFilesAreNamed(file: String) {
        let result = ManifestLoader.load(Array("apiVersion: v2\nname: web\nversion: 1.0.0\n".utf8), file: file)
        #expect(result.objects.isEmpty)
        #expect(result.cleanInputs == 0)
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.line == 1)
        #expect(result.errors.first?.message.contains("render") == true)
    }

    @Test func anUnrenderedTemplateSaysSo() {
        let template = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: {{ include "web.fullname" . }}
            spec:
              replicas: {{ .Values.replicas }}
            """
        let result = ManifestLoader.load(Array(template.utf8), file: "chart/templates/deployment.yaml")
        #expect(!result.errors.isEmpty)
        #expect(result.errors.allSatisfy { $0.message.contains("helm template") })
    }

    @Test func anOrdinaryManifestIsNotPackaging() {
        let result = ManifestLoader.load(Array("apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n".utf8),
                                         file: "deploy/values-namespace.yaml")
        #expect(result.errors.isEmpty)
        #expect(result.objects.count == 1)
    }
}
