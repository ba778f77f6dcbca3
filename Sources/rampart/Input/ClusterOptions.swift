import ArgumentParser

/// Reading a live cluster instead of files: `--cluster`, with kubectl's `--kubeconfig` and `--context`.
struct ClusterOptions: ParsableArguments {
    @Flag(help: "Read the objects from the cluster of the kubeconfig's current context (read-only) instead of files.")
    var cluster = false

    @Option(help: "With --cluster: the kubeconfig file (default: the files of KUBECONFIG, else ~/.kube/config, else the pod's service account).")
    var kubeconfig: String?

    @Option(help: "With --cluster: the kubeconfig context to use (default: the current context).")
    var context: String?

    @Option(help: "With --cluster: read only this namespace's namespaced objects (default: every namespace).")
    var clusterNamespace: String?

    func validate() throws {
        if !cluster, kubeconfig != nil || context != nil || clusterNamespace != nil {
            throw ValidationError("--kubeconfig, --context and --cluster-namespace need --cluster")
        }
    }
}
