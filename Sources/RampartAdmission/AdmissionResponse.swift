/// The answer to one AdmissionRequest: the request's uid, allowed or not, why, and warnings.
public struct AdmissionResponse: Sendable, Equatable {
    public var uid: String
    public var allowed: Bool
    /// `status.message` of a denial: the rule IDs, fields and messages.
    public var message: String?
    /// Shown to the client (kubectl prints them) whether the request is allowed or not.
    public var warnings: [String]

    public init(uid: String, allowed: Bool, message: String? = nil, warnings: [String] = []) {
        self.uid = uid
        self.allowed = allowed
        self.message = message
        self.warnings = warnings
    }

    /// The `response` object of an AdmissionReview; a denial carries a 403 `Forbidden` status.
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("uid", uid)
            json.field("allowed", allowed)
            if let message {
                json.key("status")
                json.object { json in
                    json.field("code", allowed ? 200 : 403)
                    json.field("reason", allowed ? "" : "Forbidden")
                    json.field("message", message)
                }
            }
            if !warnings.isEmpty {
                json.key("warnings")
                json.array(warnings)
            }
        }
    }
}
