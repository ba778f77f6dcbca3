import RampartModel

/// The API server's own answer to `GET /version`, as the live reader records it: the one place a
/// managed control plane (EKS, GKE, AKS…), which has no static pods to read, tells its release.
///
/// ```yaml
/// apiVersion: rampart.dev/v1alpha1
/// kind: ServerVersion
/// metadata: {name: kube-apiserver}
/// gitVersion: v1.33.4-eks-1234567
/// platform: linux/amd64
/// ```
public struct ServerVersion: Sendable {
    /// The API group and version of the document.
    public static let apiVersion = "rampart.dev/v1alpha1"
    /// Its kind.
    public static let kind = "ServerVersion"

    public let object: KubeObject
    /// The release, from `gitVersion`; nil when it does not parse.
    public let version: KubernetesVersion?

    /// Recognises a `ServerVersion` document of Rampart's group.
    public init?(_ object: KubeObject) {
        guard object.kind == Self.kind, object.reference.apiVersion == Self.apiVersion else { return nil }
        self.object = object
        version = object.root["gitVersion"]?.string.flatMap { KubernetesVersion($0) }
    }
}
