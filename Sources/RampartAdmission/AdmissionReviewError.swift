/// Why a request body is not an AdmissionReview the webhook can answer. The reason names fields
/// and positions only, never the body's content.
public enum AdmissionReviewError: Error, Sendable, Equatable {
    /// Not JSON (or YAML) at all.
    case malformed(String)
    /// Well-formed, but not an AdmissionReview with a usable request.
    case invalid(String)
    /// Past one of the webhook's per-request limits (`JSONTreeParser.maximumValues`); the reason names it.
    case tooLarge(String)

    /// The reason, for a 400 response and the log.
    public var reason: String {
        switch self {
        case .malformed(let reason): "malformed JSON: \(reason)"
        case .invalid(let reason): "not an AdmissionReview: \(reason)"
        case .tooLarge(let reason): "review too large: \(reason)"
        }
    }
}
