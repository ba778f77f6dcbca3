import RampartModel

/// What the catalog's image rules know about the images of the cluster's workloads, for the
/// container layer of the tenancy verdict. The Rules module gathers it (scanner reports, signature
/// policies and registry allow-lists are its own); the tenancy engine only weighs it per tenant.
public struct ContainerImageFacts: Sendable {
    /// One image of a workload that a catalog rule reports.
    public struct Finding: Sendable {
        /// What is wrong with the image.
        public enum Concern: Sendable, Hashable {
            /// From a registry outside the allow-list or the tenant's own registries (`images.untrusted-registry`).
            case untrustedRegistry
            /// Critical vulnerabilities that a newer package fixes (`images.vulnerable`).
            case criticalVulnerabilities
            /// Other reportable vulnerabilities (high, or as the thresholds say).
            case vulnerabilities
            /// No signature policy covers the image in its namespace (`images.signature-not-verified`).
            case unverifiedSignature
        }

        public var concern: Concern
        public var object: KubeObject
        public var path: FieldPath
        public var message: String

        public init(concern: Concern, object: KubeObject, path: FieldPath, message: String) {
            self.concern = concern
            self.object = object
            self.path = path
            self.message = message
        }
    }

    public let findings: [Finding]
    /// The findings by the namespace of their workload.
    let findingsByNamespace: [String: [Finding]]
    /// True when the configuration has a registry allow-list (a tenant's own `registries` turn the
    /// check on for that tenant too).
    public var registryAllowList: Bool
    /// True when vulnerability reports were given (`--vulnerabilities`, Trivy Operator's reports).
    public var scanned: Bool
    /// True when the cluster has any enforcing signature verification policy (only then does
    /// `images.signature-not-verified` report images).
    public var verifiesSignatures: Bool
    /// The enforcing signature verification policies that apply in each namespace, by name
    /// (namespaces that none applies in are absent).
    public var signaturePolicies: [String: [String]]

    public init(findings: [Finding] = [], registryAllowList: Bool = false, scanned: Bool = false,
                verifiesSignatures: Bool = false, signaturePolicies: [String: [String]] = [:]) {
        self.findings = findings
        findingsByNamespace = Dictionary(grouping: findings) { $0.object.namespace ?? "default" }
        self.verifiesSignatures = verifiesSignatures
        self.registryAllowList = registryAllowList
        self.scanned = scanned
        self.signaturePolicies = signaturePolicies
    }
}
