/// How one step of an escalation path turns one power into another.
public enum EscalationTechnique: String, Sendable, Codable, CaseIterable {
    /// Holds every verb on every resource cluster-wide: the goal itself.
    case clusterAdmin = "cluster-admin"
    /// Member of `system:masters`, which kube-apiserver allows everything before RBAC is asked.
    case privilegedGroup = "system-masters"
    /// Creates pods or workloads in a namespace: a pod runs as any service account of its namespace.
    case createWorkloads = "create-workloads"
    /// Impersonates service accounts, users or groups.
    case impersonate
    /// Impersonates under constrained impersonation (KEP-5284): `impersonate:<mode>` on the identity,
    /// `impersonate-on:<mode>:<verb>` on what it does as it.
    case constrainedImpersonation = "constrained-impersonate"
    /// Reads a legacy token Secret (`kubernetes.io/service-account-token`): the account's API token.
    case readTokenSecret = "read-token-secret"
    /// Creates and reads Secrets: a new token Secret for any account is filled in by the token controller.
    case mintTokenSecret = "mint-token-secret"
    /// Creates `serviceaccounts/token`: a fresh API token of the account.
    case createToken = "create-token"
    /// Execs into, attaches to or adds ephemeral containers to running pods: their mounted tokens.
    case execInPods = "exec-in-pods"
    /// Reaches the kubelet API through `nodes/proxy`: runs commands in any pod on any node.
    case nodesProxy = "nodes-proxy"
    /// Creates bindings and may `bind` roles it does not hold.
    case bind
    /// May `escalate` roles it can write: any rule into a role.
    case escalate
    /// Updates a namespace or its `status`/`finalize` subresources, which rewrite its labels too.
    case relabelNamespace = "relabel-namespace"
    /// Creates privileged pods (the namespace allows them, or its Pod Security labels can be rewritten).
    case escapeToNode = "escape-to-node"
    /// Creates Argo CD Applications that an AppProject lets the Argo CD controller deploy beyond the tenant.
    case argoApplication = "argo-cd-application"
    /// Creates objects a controller applies with its own service account (Flux without
    /// `serviceAccountName`, Capsule TenantResources before 0.13).
    case controllerDeputy = "controller-deputy"
    /// Creates and approves CertificateSigningRequests for the kube-apiserver client signer.
    case approveCertificate = "approve-csr"
    /// Is an IAM role or user that EKS's `aws-auth` ConfigMap maps to a user name and groups.
    case awsAuth = "aws-auth"
    /// One of the accounts a previous step gives ("any service account of N" → one of them).
    case member
}
