/// The kinds of workload an application runs as.
enum WorkloadKind: CaseIterable {
    case deployment, statefulSet, daemonSet, job, cronJob, pod

    /// Weights of a typical cluster's mix, in the order of `allCases`.
    static let weights = [56, 10, 3, 7, 9, 15]
}

extension ClusterGenerator {
    /// Emits the workload of `app` and the objects its controllers would have created.
    mutating func workload(_ app: AppPlan, kind: WorkloadKind) {
        switch kind {
        case .deployment: deployment(app)
        case .statefulSet: statefulSet(app)
        case .daemonSet: daemonSet(app)
        case .job: job(app, name: app.name + "-" + String(rng.int(1...9_999)), owner: nil, spec: podSpec(app, restartPolicy: "Never"))
        case .cronJob: cronJob(app)
        case .pod: pod(app, name: app.name, owner: nil, spec: podSpec(app))
        }
    }

    private mutating func deployment(_ app: AppPlan) {
        let ns = app.namespace.name
        let replicas = rng.chance(0.2) ? 3 : rng.int(1...2)
        let spec = podSpec(app)
        sink.emit(object("apps/v1", "Deployment", metadata(app.name, namespace: ns, labels: appLabels(app),
                                                           annotations: [("deployment.kubernetes.io/revision", "3")]), [
            ("spec", [
                "progressDeadlineSeconds": 600, "replicas": .integer(replicas), "revisionHistoryLimit": 10,
                "selector": selector(app),
                "strategy": ["rollingUpdate": ["maxSurge": "25%", "maxUnavailable": "25%"], "type": "RollingUpdate"],
                "template": template(app, spec),
            ]),
            ("status", ["availableReplicas": .integer(replicas), "observedGeneration": 3, "readyReplicas": .integer(replicas),
                        "replicas": .integer(replicas), "updatedReplicas": .integer(replicas)]),
        ]))
        let revisions = rng.chance(0.75) ? 1 : rng.int(2...3)
        for revision in 1...revisions {
            let current = revision == revisions
            let replicaSet = app.name + "-" + rng.hex(10)
            sink.emit(object("apps/v1", "ReplicaSet", metadata(replicaSet, namespace: ns, labels: appLabels(app),
                                                               annotations: [("deployment.kubernetes.io/revision", String(revision))],
                                                               owner: ("Deployment", app.name, "apps/v1")), [
                ("spec", ["replicas": .integer(current ? replicas : 0), "selector": selector(app), "template": template(app, spec)]),
                ("status", ["observedGeneration": 1, "replicas": .integer(current ? replicas : 0)]),
            ]))
            guard current else { continue }
            for _ in 0..<replicas {
                pod(app, name: replicaSet + "-" + rng.hex(5), owner: ("ReplicaSet", replicaSet, "apps/v1"), spec: spec)
            }
        }
    }

    private mutating func statefulSet(_ app: AppPlan) {
        let replicas = rng.int(1...3)
        let claim = "data"
        let spec = podSpec(app)
        sink.emit(object("apps/v1", "StatefulSet", metadata(app.name, namespace: app.namespace.name, labels: appLabels(app)), [
            ("spec", [
                "podManagementPolicy": "OrderedReady", "replicas": .integer(replicas), "selector": selector(app),
                "serviceName": .string(app.name), "template": template(app, spec),
                "updateStrategy": ["rollingUpdate": ["partition": 0], "type": "RollingUpdate"],
                "volumeClaimTemplates": [[
                    "apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": ["name": .string(claim)],
                    "spec": ["accessModes": ["ReadWriteOnce"], "resources": ["requests": ["storage": "10Gi"]],
                             "storageClassName": "standard", "volumeMode": "Filesystem"],
                ]],
            ]),
            ("status", ["availableReplicas": .integer(replicas), "replicas": .integer(replicas)]),
        ]))
        for ordinal in 0..<replicas {
            pod(app, name: "\(app.name)-\(ordinal)", owner: ("StatefulSet", app.name, "apps/v1"),
                spec: podSpec(app, claims: ["\(claim)-\(app.name)-\(ordinal)"]))
        }
    }

    private mutating func daemonSet(_ app: AppPlan) {
        let spec = podSpec(app)
        sink.emit(object("apps/v1", "DaemonSet", metadata(app.name, namespace: app.namespace.name, labels: appLabels(app)), [
            ("spec", ["revisionHistoryLimit": 10, "selector": selector(app), "template": template(app, spec),
                      "updateStrategy": ["rollingUpdate": ["maxSurge": 0, "maxUnavailable": 1], "type": "RollingUpdate"]]),
            ("status", ["currentNumberScheduled": 3, "desiredNumberScheduled": 3, "numberReady": 3]),
        ]))
        for _ in 0..<rng.int(2...4) {
            pod(app, name: app.name + "-" + rng.hex(5), owner: ("DaemonSet", app.name, "apps/v1"), spec: spec)
        }
    }

    private mutating func cronJob(_ app: AppPlan) {
        let spec = podSpec(app, restartPolicy: "Never")
        let schedule = "\(rng.int(0...59)) \(rng.pick(["*", "*/2", "3", "*/6"])) * * *"
        sink.emit(object("batch/v1", "CronJob", metadata(app.name, namespace: app.namespace.name, labels: appLabels(app)), [
            ("spec", [
                "concurrencyPolicy": "Forbid", "failedJobsHistoryLimit": 1, "schedule": .string(schedule),
                "successfulJobsHistoryLimit": 3, "suspend": false,
                "jobTemplate": ["spec": jobSpec(app, spec)],
            ]),
        ]))
        for _ in 0..<rng.int(1...2) {
            job(app, name: app.name + "-" + String(rng.int(28_000_000...28_999_999)), owner: ("CronJob", app.name, "batch/v1"), spec: spec)
        }
    }

    private mutating func job(_ app: AppPlan, name: String, owner: Owner?, spec: YAMLValue) {
        sink.emit(object("batch/v1", "Job", metadata(name, namespace: app.namespace.name, labels: appLabels(app), owner: owner), [
            ("spec", jobSpec(app, spec)),
            ("status", ["completionTime": .string(rng.timestamp()), "startTime": .string(rng.timestamp()), "succeeded": 1]),
        ]))
        pod(app, name: name + "-" + rng.hex(5), owner: ("Job", name, "batch/v1"), spec: spec, phase: "Succeeded")
    }

    private func jobSpec(_ app: AppPlan, _ spec: YAMLValue) -> YAMLValue {
        ["backoffLimit": 6, "completions": 1, "parallelism": 1, "template": template(app, spec)]
    }

    /// A Pod as the API returns it, with its status.
    private mutating func pod(_ app: AppPlan, name: String, owner: Owner?, spec: YAMLValue, phase: String = "Running") {
        let node = rng.pick(Vocabulary.nodeNames)
        var spec = spec
        if case .mapping(var entries) = spec {
            entries.append(("nodeName", .string(node)))
            spec = .mapping(entries)
        }
        let started = rng.timestamp()
        let conditions: [YAMLValue] = ["Ready"].map { type in
            ["lastTransitionTime": .string(started), "status": "True", "type": .string(type)]
        }
        sink.emit(object("v1", "Pod", metadata(name, namespace: app.namespace.name, labels: appLabels(app), owner: owner), [
            ("spec", spec),
            ("status", [
                "conditions": .sequence(conditions),
                "phase": .string(phase),
                "podIP": .string(rng.podIP()), "startTime": .string(started),
            ]),
        ]))
    }

    private func selector(_ app: AppPlan) -> YAMLValue {
        ["matchLabels": ["app.kubernetes.io/name": .string(app.name)]]
    }

    private func template(_ app: AppPlan, _ spec: YAMLValue) -> YAMLValue {
        ["metadata": ["labels": .strings(appLabels(app))], "spec": spec]
    }
}
