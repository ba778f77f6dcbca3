/// Files that sit beside manifests but are not Kubernetes objects: a Helm chart's `Chart.yaml` and
/// values files, kustomize's `kustomization.yaml`. Auditing one of them, or a chart's unrendered
/// templates, audits nothing: the run must say so and fail, never pass "cleanly".
enum PackagingFile {
    /// What the file is and what to do instead, when `file`'s name marks it as packaging.
    static func explanation(forFile file: String) -> String? {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        switch name {
        case "Chart.yaml", "Chart.yml", "Chart.lock":
            return "the Chart.yaml of a Helm chart, not Kubernetes objects: render the chart with `helm template` and audit its output"
        case "values.yaml", "values.yml", "values.json", "values.schema.json":
            return "the values of a Helm chart, not Kubernetes objects: render the chart with `helm template` and audit its output"
        case "kustomization.yaml", "kustomization.yml", "Kustomization":
            return "a kustomization, not Kubernetes objects: render it with `kubectl kustomize` and audit its output"
        default:
            return nil
        }
    }

    /// A hint added to a parse error in a file that holds Go template actions (`{{ … }}`): an
    /// unrendered Helm template.
    static func templateHint(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let brace = UInt8(ascii: "{")
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == brace, bytes[index + 1] == brace {
                return "the file holds template actions ({{ … }}): an unrendered Helm template? Render the chart with `helm template` first"
            }
            index += 1
        }
        return nil
    }
}
