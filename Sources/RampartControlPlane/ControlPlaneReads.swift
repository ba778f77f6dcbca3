import RampartModel

extension ControlPlane {
    /// The kinds the control-plane analysis reads from a cluster: the static pods of the control
    /// plane and the Nodes. Its configuration documents (kubelet configuration, kubeconfigs,
    /// encryption, audit and admission configuration) are files on the nodes, read from inputs only.
    public static let reads: Set<ResourceKind> = [.pods, .nodes]
}
