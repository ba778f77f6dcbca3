import RampartModel

/// Reads an AdmissionReview request body and writes the AdmissionReview response.
///
/// The body is parsed straight into a `Node` tree (see `JSONTreeParser`), with no Codable model of
/// the whole object: decoding with Foundation's JSONDecoder halves a webhook's throughput here, and
/// libyaml's path was the largest share of the webhook's time.
public enum AdmissionReview {
    /// Review versions the webhook answers; the response uses the request's.
    public static let versions: Set<String> = ["admission.k8s.io/v1", "admission.k8s.io/v1beta1"]

    /// The request of a review and the review's `apiVersion`.
    public static func decode(_ body: [UInt8]) throws(AdmissionReviewError) -> (apiVersion: String, request: AdmissionRequest) {
        try read(JSONTreeParser.parse(body, selecting: fieldsRead))
    }

    /// The request of the review in the bytes of `body`, read in place.
    public static func decode(_ body: UnsafeRawBufferPointer) throws(AdmissionReviewError) -> (apiVersion: String, request: AdmissionRequest) {
        try read(JSONTreeParser.parse(body, selecting: fieldsRead))
    }

    /// The members of a review the decision reads: its kind and version, and what `AdmissionRequest`
    /// takes from the request.
    static let fieldsRead = FieldSelection.members(
        ["apiVersion": .all, "kind": .all, "request": AdmissionRequest.fieldsRead], others: .skip)

    private static func read(_ review: Node) throws(AdmissionReviewError) -> (apiVersion: String, request: AdmissionRequest) {
        guard review.isMapping else { throw .malformed("the body must be a JSON object") }
        guard review["kind"]?.string == "AdmissionReview" else { throw .invalid("kind must be AdmissionReview") }
        guard let apiVersion = review["apiVersion"]?.string, versions.contains(apiVersion) else {
            throw .invalid("apiVersion must be \(versions.sorted().joined(separator: " or "))")
        }
        guard let request = review["request"] else { throw .invalid("request is missing") }
        return (apiVersion, try AdmissionRequest(request))
    }

    /// The JSON of the review that answers with `response`.
    public static func encode(_ response: AdmissionResponse, apiVersion: String = "admission.k8s.io/v1") -> [UInt8] {
        var json = JSONWriter()
        json.object { json in
            json.field("apiVersion", apiVersion)
            json.field("kind", "AdmissionReview")
            json.key("response")
            response.write(to: &json)
        }
        return json.bytes
    }
}
