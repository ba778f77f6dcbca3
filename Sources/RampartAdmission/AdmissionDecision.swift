import RampartPolicy
import RampartRules

/// What the webhook decided about one request, with what the server needs to log and count.
/// Holds rule IDs, fields and messages; never the object's content.
public struct AdmissionDecision: Sendable {
    /// What became of one finding.
    public enum Effect: String, Sendable, Codable {
        /// Denied the request (enforce mode, at or above the deny threshold).
        case deny
        /// Returned as a warning.
        case warn
        /// Only logged (audit mode).
        case audit
        /// Already present before this update: warned, never denied, so old objects stay manageable.
        case preexisting
        /// Would deny, but on an object Kubernetes' own components create (`BuiltInObjects`): warned.
        case builtIn
        /// Set aside by an exception of the configuration.
        case excepted
        /// Set aside by the owner's annotation, where the configuration lets owners claim exceptions.
        case claimed
    }

    /// One finding and its effect.
    public struct Judged: Sendable {
        public var finding: Finding
        public var effect: Effect
    }

    public var response: AdmissionResponse
    /// The namespace's mode, when the request was judged.
    public var mode: AdmissionMode?
    /// Why the request was allowed without judging it (exempt user, namespace, kind, operation…).
    public var skipped: String?
    public var findings: [Judged]

    /// The label for metrics: `denied`, `warned`, `allowed` or `skipped`.
    public var outcome: String {
        if !response.allowed { return "denied" }
        if skipped != nil { return "skipped" }
        return response.warnings.isEmpty ? "allowed" : "warned"
    }
}
