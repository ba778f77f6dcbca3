import RampartModel

/// `rbac.pod-create`: a binding lets a non-system subject create pods or workloads.
struct PodCreate: PermissionRule {
    let metadata = RuleMetadata(
        id: "rbac.pod-create",
        title: "Create or change pods and workloads",
        severity: .medium,
        layer: .controlPlane,
        standards: ["CIS 5.1.4", "NSA/CISA: RBAC least privilege", "MITRE ATT&CK: New container"],
        rationale: "Whoever creates a pod in a namespace can run it as any service account of that namespace and mount any of its Secrets and ConfigMaps, so holds all of their permissions; only Pod Security admission limits what the pod may do on the node.",
        remediation: "Let deployment pipelines, not people, create workloads; enforce Pod Security `restricted` on tenant namespaces; keep powerful service accounts out of namespaces where others can create pods.")

    let permissions = Permission.requests(["create"], ["pods"])
        + Permission.requests(["create", "update", "patch"], ["replicationcontrollers", "podtemplates"])
        + Permission.requests(["create", "update", "patch"], group: "apps", ["deployments", "replicasets", "statefulsets", "daemonsets"])
        + Permission.requests(["create", "update", "patch"], group: "batch", ["jobs", "cronjobs"])
}
