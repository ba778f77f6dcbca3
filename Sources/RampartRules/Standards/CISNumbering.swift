/// How each version of the CIS Kubernetes Benchmark numbers the controls the rules map to: one
/// table per version, keyed by the rules' own references (the v1.10 numbers, as written after
/// `CIS ` in their standards). A value is that version's number; nil says the version has no such
/// control. Every CIS reference in the catalog must be a key of every table (`CISBenchmarkTests`).
///
/// Sources: the benchmark's checks as kube-bench encodes them (`cfg/cis-1.10`, `cfg/cis-1.11`,
/// `cfg/cis-1.12`: the `id` and `text` of each check), and kube-bench pull request 2126 for v2.0
/// ("all the checks remain the same as CIS-1.12"; only two remediation texts changed).
enum CISNumbering {
    /// The references the rules make, each with the control it stands for in v1.10.
    static let controls: [String] = [
        "1.2 (version-specific flags)", // 1.2: API server flags
        "1.2.1", // --anonymous-auth is false
        "1.2.2", // --token-auth-file is not set
        "1.2.3", // DenyServiceExternalIPs is set
        "1.2.4", // --kubelet-client-certificate and --kubelet-client-key
        "1.2.5", // --kubelet-certificate-authority
        "1.2.6", // --authorization-mode is not AlwaysAllow
        "1.2.7", // --authorization-mode includes Node
        "1.2.8", // --authorization-mode includes RBAC
        "1.2.9", // admission plugin EventRateLimit is set
        "1.2.10", // admission plugin AlwaysAdmit is not set
        "1.2.11", // admission plugin AlwaysPullImages is set
        "1.2.12", // admission plugin ServiceAccount is set
        "1.2.13", // admission plugin NamespaceLifecycle is set
        "1.2.14", // admission plugin NodeRestriction is set
        "1.2.15", // API server --profiling is false
        "1.2.16", // --audit-log-path is set
        "1.2.17", // --audit-log-maxage
        "1.2.18", // --audit-log-maxbackup
        "1.2.19", // --audit-log-maxsize
        "1.2.21", // --service-account-lookup is true
        "1.2.22", // --service-account-key-file
        "1.2.23", // --etcd-certfile and --etcd-keyfile
        "1.2.24", // --tls-cert-file and --tls-private-key-file
        "1.2.25", // --client-ca-file
        "1.2.26", // --etcd-cafile
        "1.2.27", // --encryption-provider-config
        "1.2.28", // encryption providers appropriately configured
        "1.2.29", // API server strong cryptographic ciphers
        "1.3.2", // controller manager --profiling is false
        "1.3.3", // --use-service-account-credentials is true
        "1.3.4", // --service-account-private-key-file
        "1.3.5", // --root-ca-file
        "1.3.7", // controller manager --bind-address is 127.0.0.1
        "1.4.1", // scheduler --profiling is false
        "1.4.2", // scheduler --bind-address is 127.0.0.1
        "2.1", // etcd --cert-file and --key-file
        "2.2", // etcd --client-cert-auth is true
        "2.3", // etcd --auto-tls is not true
        "2.4", // etcd --peer-cert-file and --peer-key-file
        "2.5", // etcd --peer-client-cert-auth is true
        "2.6", // etcd --peer-auto-tls is not true
        "3.1.2", // service account token authentication not used for users
        "3.2.1", // a minimal audit policy
        "3.2.2", // the audit policy covers key security concerns
        "4.2.1", // kubelet --anonymous-auth is false
        "4.2.2", // kubelet --authorization-mode is not AlwaysAllow
        "4.2.3", // kubelet --client-ca-file
        "4.2.4", // kubelet --read-only-port is 0
        "4.2.8", // kubelet eventRecordQPS
        "4.2.10", // kubelet --rotate-certificates is not false
        "4.2.11", // RotateKubeletServerCertificate is true
        "4.2.12", // kubelet strong cryptographic ciphers
        "4.2.13", // a limit on pod PIDs
        "5.1.1", // cluster-admin only where required
        "5.1.2", // minimize access to secrets
        "5.1.3", // minimize wildcard use in Roles and ClusterRoles
        "5.1.4", // minimize access to create pods
        "5.1.5", // default service accounts not actively used
        "5.1.6", // service account tokens mounted only where necessary
        "5.1.8", // limit bind, impersonate and escalate
        "5.1.9", // minimize access to create persistent volumes
        "5.1.10", // minimize access to the proxy subresource of nodes
        "5.1.11", // minimize access to CSR approval
        "5.1.12", // minimize access to webhook configuration objects
        "5.1.13", // minimize access to service account token creation
        "5.2.1", // at least one active policy control mechanism
        "5.2.2", // privileged containers
        "5.2.3", // host PID namespace
        "5.2.4", // host IPC namespace
        "5.2.5", // host network namespace
        "5.2.6", // allowPrivilegeEscalation
        "5.2.7", // root containers
        "5.2.8", // the NET_RAW capability
        "5.2.9", // added capabilities
        "5.2.10", // capabilities assigned
        "5.2.11", // Windows HostProcess containers
        "5.2.12", // HostPath volumes
        "5.2.13", // HostPorts
        "5.3.1", // the CNI supports NetworkPolicies
        "5.3.2", // all namespaces have NetworkPolicies
        "5.4.1", // secrets as files over environment variables
        "5.7.2", // seccomp profile in pod definitions
        "5.7.3", // SecurityContext on pods and containers
        // Older benchmarks, named as such by the rules that cite them.
        "1.2.19 (benchmark v1.5)", // --insecure-port is 0 (removed from the benchmark with the flag)
        "4.2.6 (benchmark v1.8)", // kubelet --protect-kernel-defaults (not in v1.10 or later)
    ]

    /// v1.10: the rules' own numbers. Version-specific flags are section 1.2; the controls of older
    /// benchmarks have none.
    static let v1_10 = renumber(Dictionary(uniqueKeysWithValues: controls.map { ($0, Optional($0)) }),
                                ["1.2 (version-specific flags)": "1.2", "1.2.19 (benchmark v1.5)": nil, "4.2.6 (benchmark v1.8)": nil])

    /// v1.11: section 5.7 (general policies) became 5.6.
    static let v1_11 = renumber(v1_10, ["5.7.2": "5.6.2", "5.7.3": "5.6.3"])

    /// v1.12: "Minimize the admission of containers with added capabilities" (5.2.9) is gone and the
    /// controls after it moved up by one.
    static let v1_12 = renumber(v1_11, ["5.2.9": nil, "5.2.10": "5.2.9", "5.2.11": "5.2.10", "5.2.12": "5.2.11", "5.2.13": "5.2.12"])

    /// v2.0: the checks of v1.12, same numbers.
    static let v2_0 = v1_12

    /// `table` with the numbers of `changes` replaced (nil: the control is gone).
    private static func renumber(_ table: [String: String?], _ changes: [String: String?]) -> [String: String?] {
        table.merging(changes) { _, new in new }
    }
}
