/// The kubelet/API server version skew the Kubernetes version skew policy supports: a kubelet must
/// not be newer than any API server, and may be up to three minor releases older than the newest
/// one (kubelets older than 1.25: two). Patch releases do not count.
public enum KubeletSkew {
    /// Why a kubelet of `kubelet` is outside the policy against API servers of `apiServers` (more
    /// than one during an upgrade of a highly available control plane), or nil when it is within it
    /// or no API server version is known.
    public static func problem(kubelet: KubernetesVersion, apiServers: [KubernetesVersion]) -> String? {
        guard let oldest = apiServers.min(), let newest = apiServers.max() else { return nil }
        if minorsBetween(oldest, kubelet) > 0 {
            return "kubelet \(kubelet.minorRelease) is newer than the API server (\(oldest.minorRelease)): a kubelet must never be newer"
        }
        let allowed = kubelet < .v1(25) ? 2 : 3
        let behind = minorsBetween(kubelet, newest)
        guard behind > allowed else { return nil }
        return "kubelet \(kubelet.minorRelease) is \(behind) minor releases older than the API server (\(newest.minorRelease)): at most \(allowed) are supported"
    }

    /// How many minor releases `newer` is ahead of `older` (negative when behind); a major release
    /// counts as 100 minors, far beyond any skew.
    static func minorsBetween(_ older: KubernetesVersion, _ newer: KubernetesVersion) -> Int {
        (newer.major - older.major) * 100 + newer.minor - older.minor
    }
}
