import RampartModel

/// A small schema of well-known kinds, enough to catch a misspelt field in a custom rule where the
/// object's shape is known: the top-level fields, `metadata`'s, `spec`'s, and for workloads the pod
/// template's `spec.template.spec`. A rule is checked only when every kind it matches is known here;
/// a field passes when any of those kinds has it (a rule on Deployments and Pods may read either's).
enum KnownObjectFields {
    private static let metadata: Set<String> = [
        "name", "namespace", "labels", "annotations", "uid", "generateName", "ownerReferences", "finalizers",
        "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "resourceVersion",
        "managedFields", "selfLink",
    ]

    private static let podSpec: Set<String> = [
        "activeDeadlineSeconds", "affinity", "automountServiceAccountToken", "containers", "dnsConfig", "dnsPolicy",
        "enableServiceLinks", "ephemeralContainers", "hostAliases", "hostIPC", "hostNetwork", "hostPID", "hostUsers",
        "hostname", "hostnameOverride", "imagePullSecrets", "initContainers", "nodeName", "nodeSelector", "os", "overhead",
        "preemptionPolicy", "priority", "priorityClassName", "readinessGates", "resourceClaims", "resources",
        "restartPolicy", "runtimeClassName", "schedulerName", "schedulingGates", "securityContext", "serviceAccount",
        "serviceAccountName", "setHostnameAsFQDN", "shareProcessNamespace", "subdomain", "terminationGracePeriodSeconds",
        "tolerations", "topologySpreadConstraints", "volumes",
    ]

    /// The `spec` fields of each known kind, and whether `spec.template.spec` is a pod spec.
    private static let specs: [String: (fields: Set<String>, podTemplate: Bool)] = [
        "Pod": (podSpec, false),
        "Deployment": (["minReadySeconds", "paused", "progressDeadlineSeconds", "replicas", "revisionHistoryLimit", "selector",
                        "strategy", "template"], true),
        "StatefulSet": (["minReadySeconds", "ordinals", "persistentVolumeClaimRetentionPolicy", "podManagementPolicy", "replicas",
                         "revisionHistoryLimit", "selector", "serviceName", "template", "updateStrategy", "volumeClaimTemplates"], true),
        "DaemonSet": (["minReadySeconds", "revisionHistoryLimit", "selector", "template", "updateStrategy"], true),
        "ReplicaSet": (["minReadySeconds", "replicas", "selector", "template"], true),
        "Job": (["activeDeadlineSeconds", "backoffLimit", "backoffLimitPerIndex", "completionMode", "completions", "managedBy",
                 "manualSelector", "maxFailedIndexes", "parallelism", "podFailurePolicy", "podReplacementPolicy", "selector",
                 "successPolicy", "suspend", "template", "ttlSecondsAfterFinished"], true),
        "CronJob": (["concurrencyPolicy", "failedJobsHistoryLimit", "jobTemplate", "schedule", "startingDeadlineSeconds",
                     "successfulJobsHistoryLimit", "suspend", "timeZone"], false),
        "Service": (["allocateLoadBalancerNodePorts", "clusterIP", "clusterIPs", "externalIPs", "externalName",
                     "externalTrafficPolicy", "healthCheckNodePort", "internalTrafficPolicy", "ipFamilies", "ipFamilyPolicy",
                     "loadBalancerClass", "loadBalancerIP", "loadBalancerSourceRanges", "ports", "publishNotReadyAddresses",
                     "selector", "sessionAffinity", "sessionAffinityConfig", "trafficDistribution", "type"], false),
        "Ingress": (["defaultBackend", "ingressClassName", "rules", "tls"], false),
        "Namespace": (["finalizers"], false),
    ]

    /// Top-level fields besides `apiVersion`, `kind` and `metadata`, per known kind without a `spec`.
    private static let topLevel: [String: Set<String>] = [
        "ConfigMap": ["data", "binaryData", "immutable"],
        "Secret": ["data", "stringData", "type", "immutable"],
        "ServiceAccount": ["secrets", "imagePullSecrets", "automountServiceAccountToken"],
    ]

    /// A field of `chain` (the keys selected from `object`) that none of `kinds` has, with the
    /// path up to it and the nearest known name; nil when the chain is fine or a kind is unknown.
    static func unknownField(_ chain: [String], kinds: [String]) -> (path: String, field: String, suggestion: String?)? {
        guard !kinds.isEmpty, kinds.allSatisfy({ specs[$0] != nil || topLevel[$0] != nil }), let first = chain.first else { return nil }
        let top = kinds.reduce(into: Set(["apiVersion", "kind", "metadata"])) { fields, kind in
            if specs[kind] != nil { fields.formUnion(["spec", "status"]) }
            fields.formUnion(topLevel[kind] ?? [])
        }
        func check(_ index: Int, _ known: Set<String>) -> (path: String, field: String, suggestion: String?)? {
            guard index < chain.count, !known.contains(chain[index]) else { return nil }
            return (chain.prefix(index + 1).joined(separator: "."), chain[index], KeySuggestion.nearest(to: chain[index], among: known.sorted()))
        }
        if let unknown = check(0, top) { return unknown }
        switch first {
        case "metadata":
            return check(1, metadata)
        case "spec":
            let fields = kinds.reduce(into: Set<String>()) { $0.formUnion(specs[$1]?.fields ?? []) }
            if let unknown = check(1, fields) { return unknown }
            let templated = kinds.contains { specs[$0]?.podTemplate == true }
            guard templated, chain.count > 3, chain[1] == "template", chain[2] == "spec" else { return nil }
            return check(3, podSpec)
        default:
            return nil
        }
    }
}
