/// Recorded discovery documents of a small cluster: the core group, apps, RBAC, networking and
/// admission (MutatingAdmissionPolicy served only at v1beta1, as on 1.34 and 1.35, while the group
/// prefers v1), and metrics.k8s.io, which Rampart does not read, with subresources and unlisted kinds
/// as real servers have.
enum FakeDiscovery {
    static let documents: [String: String] = [
        "/api": #"{"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":[]}"#,
        "/version": #"{"major":"1","minor":"33","gitVersion":"v1.33.4-eks-0a1b2c3","platform":"linux/amd64"}"#,
        "/apis": #"""
            {"kind":"APIGroupList","apiVersion":"v1","groups":[
             {"name":"apps","versions":[{"groupVersion":"apps/v1","version":"v1"}],"preferredVersion":{"groupVersion":"apps/v1","version":"v1"}},
             {"name":"rbac.authorization.k8s.io","versions":[{"groupVersion":"rbac.authorization.k8s.io/v1","version":"v1"}],"preferredVersion":{"groupVersion":"rbac.authorization.k8s.io/v1","version":"v1"}},
             {"name":"networking.k8s.io","versions":[{"groupVersion":"networking.k8s.io/v1","version":"v1"}],"preferredVersion":{"groupVersion":"networking.k8s.io/v1","version":"v1"}},
             {"name":"admissionregistration.k8s.io","versions":[{"groupVersion":"admissionregistration.k8s.io/v1","version":"v1"},{"groupVersion":"admissionregistration.k8s.io/v1beta1","version":"v1beta1"}],"preferredVersion":{"groupVersion":"admissionregistration.k8s.io/v1","version":"v1"}},
             {"name":"metrics.k8s.io","versions":[{"groupVersion":"metrics.k8s.io/v1beta1","version":"v1beta1"}],"preferredVersion":{"groupVersion":"metrics.k8s.io/v1beta1","version":"v1beta1"}}]}
            """#,
        "/api/v1": resources("v1", [
            ("pods", "Pod", true, "create,delete,get,list,watch"), ("pods/log", "Pod", true, "get"),
            ("namespaces", "Namespace", false, "create,get,list,watch"), ("secrets", "Secret", true, "get,list,watch"),
            ("configmaps", "ConfigMap", true, "get,list"), ("serviceaccounts", "ServiceAccount", true, "get,list"),
            ("services", "Service", true, "get,list"), ("nodes", "Node", false, "get,list"),
            ("events", "Event", true, "get,list"), ("bindings", "Binding", true, "create"),
        ]),
        "/apis/apps/v1": resources("apps/v1", [
            ("deployments", "Deployment", true, "get,list"), ("deployments/scale", "Scale", true, "get"),
            ("replicasets", "ReplicaSet", true, "get,list"),
        ]),
        "/apis/rbac.authorization.k8s.io/v1": resources("rbac.authorization.k8s.io/v1", [
            ("roles", "Role", true, "get,list"), ("rolebindings", "RoleBinding", true, "get,list"),
            ("clusterroles", "ClusterRole", false, "get,list"), ("clusterrolebindings", "ClusterRoleBinding", false, "get,list"),
        ]),
        "/apis/admissionregistration.k8s.io/v1": resources("admissionregistration.k8s.io/v1", [
            ("validatingadmissionpolicies", "ValidatingAdmissionPolicy", false, "get,list"),
            ("validatingadmissionpolicies/status", "ValidatingAdmissionPolicy", false, "get"),
            ("validatingadmissionpolicybindings", "ValidatingAdmissionPolicyBinding", false, "get,list"),
            ("validatingwebhookconfigurations", "ValidatingWebhookConfiguration", false, "get,list"),
        ]),
        "/apis/admissionregistration.k8s.io/v1beta1": resources("admissionregistration.k8s.io/v1beta1", [
            ("validatingadmissionpolicies", "ValidatingAdmissionPolicy", false, "get,list"),
            ("mutatingadmissionpolicies", "MutatingAdmissionPolicy", false, "get,list"),
            ("mutatingadmissionpolicybindings", "MutatingAdmissionPolicyBinding", false, "get,list"),
        ]),
        "/apis/networking.k8s.io/v1": resources("networking.k8s.io/v1", [
            ("networkpolicies", "NetworkPolicy", true, "get,list"),
        ]),
    ]

    private static func resources(_ groupVersion: String, _ list: [(String, String, Bool, String)]) -> String {
        let items = list.map { name, kind, namespaced, verbs in
            let verbList = verbs.split(separator: ",").map { "\"\($0)\"" }.joined(separator: ",")
            return #"{"name":"\#(name)","singularName":"","namespaced":\#(namespaced),"kind":"\#(kind)","verbs":[\#(verbList)]}"#
        }
        return #"{"kind":"APIResourceList","groupVersion":"\#(groupVersion)","resources":[\#(items.joined(separator: ","))]}"#
    }
}
