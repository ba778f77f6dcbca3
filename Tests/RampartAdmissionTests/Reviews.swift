import Foundation

/// AdmissionReview bodies for the tests: the upstream example of the format (Kubernetes
/// documentation, "Dynamic Admission Control", request and response) and pods built from it.
enum Reviews {
    /// The request example of the Kubernetes documentation: an UPDATE of a Deployment's scale subresource.
    static let upstreamScale = """
        {
          "apiVersion": "admission.k8s.io/v1",
          "kind": "AdmissionReview",
          "request": {
            "uid": "705ab4f5-6393-11e8-b7cc-42010a800002",
            "kind": {"group":"autoscaling","version":"v1","kind":"Scale"},
            "resource": {"group":"apps","version":"v1","resource":"deployments"},
            "subResource": "scale",
            "requestKind": {"group":"autoscaling","version":"v1","kind":"Scale"},
            "requestResource": {"group":"apps","version":"v1","resource":"deployments"},
            "requestSubResource": "scale",
            "name": "my-deployment",
            "namespace": "my-namespace",
            "operation": "UPDATE",
            "userInfo": {
              "username": "admin",
              "uid": "014fbff9a07c",
              "groups": ["system:authenticated","my-admin-group"],
              "extra": {"some-key":["some-value1", "some-value2"]}
            },
            "object": {"apiVersion":"autoscaling/v1","kind":"Scale","metadata":{"name":"my-deployment","namespace":"my-namespace"},"spec":{"replicas":3}},
            "oldObject": {"apiVersion":"autoscaling/v1","kind":"Scale","metadata":{"name":"my-deployment","namespace":"my-namespace"},"spec":{"replicas":2}},
            "options": {"apiVersion":"meta.k8s.io/v1","kind":"UpdateOptions"},
            "dryRun": false
          }
        }
        """

    /// The response the documentation shows for an allowed request.
    static let upstreamAllowedResponse = #"{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","response":{"uid":"705ab4f5-6393-11e8-b7cc-42010a800002","allowed":true}}"#

    /// A container that passes every one-object rule (restricted Pod Security, pinned image, resources,
    /// read-only root filesystem).
    static let goodContainer = """
        {"name":"app","image":"registry.example.com/app:1.2@sha256:4b2e1c4b5c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f",
         "resources":{"requests":{"cpu":"100m","memory":"64Mi"},"limits":{"cpu":"1","memory":"128Mi","ephemeral-storage":"1Gi"}},
         "securityContext":{"allowPrivilegeEscalation":false,"runAsNonRoot":true,"capabilities":{"drop":["ALL"]},
                            "readOnlyRootFilesystem":true,"seccompProfile":{"type":"RuntimeDefault"}}}
        """

    /// The same container, privileged.
    static let privilegedContainer = goodContainer.replacingOccurrences(
        of: "\"allowPrivilegeEscalation\":false", with: "\"privileged\":true,\"allowPrivilegeEscalation\":false")

    /// A pod of `containers` (JSON array items), with optional extra metadata and spec fields.
    static func pod(_ containers: [String], ephemeral: [String] = [], annotations: String = "{}") -> String {
        """
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","annotations":\(annotations)},
         "spec":{"serviceAccountName":"web","automountServiceAccountToken":false,
                 "containers":[\(containers.joined(separator: ","))],
                 "ephemeralContainers":[\(ephemeral.joined(separator: ","))]}}
        """
    }

    /// A review of `object` (and `oldObject`) in `namespace` by `user`.
    static func review(_ object: String?, oldObject: String? = nil, kind: String = "Pod", group: String = "",
                       resource: String = "pods", subResource: String? = nil, namespace: String? = "team-a",
                       name: String = "web", operation: String = "CREATE", user: String = "alice",
                       groups: [String] = ["system:authenticated"], dryRun: Bool = false) -> String {
        let groupList = groups.map { "\"\($0)\"" }.joined(separator: ",")
        return """
            {"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{
              "uid":"b1e1c2d3-0000-4000-8000-000000000001",
              "kind":{"group":"\(group)","version":"v1","kind":"\(kind)"},
              "resource":{"group":"\(group)","version":"v1","resource":"\(resource)"},
              \(subResource.map { "\"subResource\":\"\($0)\"," } ?? "")
              \(namespace.map { "\"namespace\":\"\($0)\"," } ?? "")
              "name":"\(name)","operation":"\(operation)",
              "userInfo":{"username":"\(user)","groups":[\(groupList)]},
              "object":\(object ?? "null"),
              "oldObject":\(oldObject ?? "null"),
              "dryRun":\(dryRun)}}
            """
    }
}
