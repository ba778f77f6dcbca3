extension ClusterGenerator {
    /// A full pod spec for `app`, with its planted faults.
    mutating func podSpec(_ app: AppPlan, restartPolicy: String = "Always", claims: [String] = []) -> YAMLValue {
        let careful = app.namespace.careful
        var containers = [container(app, name: app.name, image: image(app), main: true)]
        if rng.chance(0.15) {
            let sidecar = rng.pick(Vocabulary.sidecars)
            containers.append(container(app, name: sidecar, image: pinnedImage("registry.example.com/", sidecar), main: false))
        }
        let initContainers: YAMLValue? = rng.chance(0.1)
            ? [container(app, name: "init-migrate", image: image(app), main: false)] : nil
        let securityContext: YAMLValue = careful && !app.has(.runAsRoot)
            ? ["fsGroup": 10001, "runAsGroup": 10001, "runAsNonRoot": true, "runAsUser": 10001,
               "seccompProfile": ["type": "RuntimeDefault"]]
            : (app.has(.runAsRoot) ? ["runAsUser": 0] : [:])
        let automount: YAMLValue? = app.has(.automountToken) ? true : (careful ? false : nil)
        return .map([
            ("affinity", rng.chance(0.15) ? antiAffinity(app) : nil),
            ("automountServiceAccountToken", automount),
            ("containers", .sequence(containers)),
            ("dnsPolicy", app.has(.hostNetwork) ? "ClusterFirstWithHostNet" : nil),
            ("hostNetwork", app.has(.hostNetwork) ? true : nil),
            ("hostPID", app.has(.hostPID) ? true : nil),
            ("initContainers", initContainers),
            ("nodeSelector", rng.chance(0.15) ? ["kubernetes.io/os": "linux", "node.example.com/pool": .string(app.namespace.tenant)] : nil),
            ("priorityClassName", rng.chance(0.2) ? "tenant-default" : nil),
            ("restartPolicy", .string(restartPolicy)),
            ("securityContext", securityContext),
            ("serviceAccountName", app.serviceAccount.map { .string($0) }),
            ("tolerations", rng.chance(0.15) ? tolerations(app) : nil),
            ("volumes", volumes(app, claims: claims)),
        ])
    }

    private mutating func container(_ app: AppPlan, name: String, image: String, main: Bool) -> YAMLValue {
        let careful = app.namespace.careful
        let liveness: YAMLValue = ["tcpSocket": ["port": .integer(app.port)]]
        let readiness: YAMLValue = ["httpGet": ["path": "/ready", "port": .integer(app.port)]]
        let ports: YAMLValue? = main
            ? [.map([("containerPort", .integer(app.port)), ("hostPort", app.has(.hostPort) ? .integer(app.port) : nil),
                     ("name", "http")])]
            : nil
        return .map([
            ("env", main ? environment(app) : nil),
            ("envFrom", main && app.configMap != nil && rng.chance(0.3) ? [["configMapRef": ["name": .string(app.configMap ?? "")]]] : nil),
            ("image", .string(image)),
            ("imagePullPolicy", rng.chance(0.7) ? "IfNotPresent" : "Always"),
            ("livenessProbe", main ? liveness : nil),
            ("name", .string(name)),
            ("ports", ports),
            ("readinessProbe", main ? readiness : nil),
            ("resources", resources(app)),
            ("securityContext", containerSecurityContext(app, careful: careful)),
            ("volumeMounts", volumeMounts(app)),
        ])
    }

    private mutating func environment(_ app: AppPlan) -> YAMLValue? {
        var env: [YAMLValue] = []
        if rng.chance(0.4) {
            env.append(["name": "POD_NAME", "valueFrom": ["fieldRef": ["apiVersion": "v1", "fieldPath": "metadata.name"]]])
        }
        let first = rng.int(0...Vocabulary.configKeys.count - 3)
        for key in Vocabulary.configKeys[first..<first + rng.int(0...2)] {
            env.append(["name": .string(key), "value": .string(rng.pick(["info", "json", "8080", "30", "eu-west-1", "true"]))])
        }
        if let configMap = app.configMap, rng.chance(0.3) {
            env.append(["name": "FEATURE_FLAGS", "valueFrom": ["configMapKeyRef": ["key": "FEATURE_FLAGS", "name": .string(configMap)]]])
        }
        if let secret = app.secret, rng.chance(0.5) {
            env.append(["name": "DB_PASSWORD", "valueFrom": ["secretKeyRef": ["key": "password", "name": .string(secret)]]])
        }
        if app.has(.literalPassword) {
            env.append(["name": .string(rng.pick(Vocabulary.secretLookingKeys)), "value": .string("fake-" + rng.hex(20))])
        }
        return env.isEmpty ? nil : .sequence(env)
    }

    private mutating func resources(_ app: AppPlan) -> YAMLValue {
        let cpu = rng.pick(["50m", "100m", "250m", "500m", "1"])
        let memory = rng.pick(["64Mi", "128Mi", "256Mi", "512Mi", "1Gi"])
        if app.has(.noLimits) { return rng.chance(0.5) ? [:] : ["requests": ["cpu": .string(cpu), "memory": .string(memory)]] }
        return ["limits": ["cpu": .string(cpu), "memory": .string(memory)], "requests": ["cpu": .string(cpu), "memory": .string(memory)]]
    }

    private func containerSecurityContext(_ app: AppPlan, careful: Bool) -> YAMLValue {
        var context: [(String, YAMLValue?)] = []
        context.append(("allowPrivilegeEscalation", app.has(.privilegeEscalation) || app.has(.privileged) ? true : (careful ? false : nil)))
        let add: YAMLValue? = app.has(.addSysAdmin) ? ["SYS_ADMIN", "NET_ADMIN"] : nil
        context.append(("capabilities", careful || add != nil ? .map([("add", add), ("drop", careful ? ["ALL"] : nil)]) : nil))
        context.append(("privileged", app.has(.privileged) ? true : nil))
        context.append(("readOnlyRootFilesystem", careful ? true : nil))
        context.append(("runAsNonRoot", careful && !app.has(.runAsRoot) ? true : nil))
        return .map(context)
    }

    private func volumeMounts(_ app: AppPlan) -> YAMLValue {
        var mounts: [YAMLValue] = [["mountPath": "/tmp", "name": "tmp"]]
        if app.configMap != nil { mounts.append(["mountPath": "/etc/app", "name": "config", "readOnly": true]) }
        if app.secret != nil { mounts.append(["mountPath": "/var/run/secrets/app", "name": "credentials", "readOnly": true]) }
        if app.has(.hostPath) { mounts.append(["mountPath": "/host", "name": "host-root"]) }
        return .sequence(mounts)
    }

    private func volumes(_ app: AppPlan, claims: [String]) -> YAMLValue {
        var volumes: [YAMLValue] = [["emptyDir": [:], "name": "tmp"]]
        if let configMap = app.configMap {
            volumes.append(["configMap": ["defaultMode": 420, "name": .string(configMap)], "name": "config"])
        }
        if let secret = app.secret {
            volumes.append(["name": "credentials", "secret": ["defaultMode": 256, "secretName": .string(secret)]])
        }
        if app.has(.hostPath) {
            volumes.append(["hostPath": ["path": "/", "type": "Directory"], "name": "host-root"])
        }
        for claim in claims {
            volumes.append(["name": .string(claim), "persistentVolumeClaim": ["claimName": .string(claim)]])
        }
        return .sequence(volumes)
    }

    private func antiAffinity(_ app: AppPlan) -> YAMLValue {
        ["podAntiAffinity": ["preferredDuringSchedulingIgnoredDuringExecution": [[
            "podAffinityTerm": [
                "labelSelector": ["matchLabels": ["app.kubernetes.io/name": .string(app.name)]],
                "topologyKey": "kubernetes.io/hostname",
            ],
            "weight": 100,
        ]]]]
    }

    private func tolerations(_ app: AppPlan) -> YAMLValue {
        [["effect": "NoSchedule", "key": "node.example.com/pool", "operator": "Equal", "value": .string(app.namespace.tenant)]]
    }

    /// The main image of `app`, honest or with its planted tag fault.
    mutating func image(_ app: AppPlan) -> String {
        let registry = rng.pick(Vocabulary.registries)
        let base = app.namespace.tenant + "/" + app.name
        if app.has(.latestTag) { return registry + base + ":latest" }
        if app.has(.untagged) { return registry + base }
        return pinnedImage(registry, base)
    }

    /// An image by version, and pinned by digest half of the time.
    mutating func pinnedImage(_ registry: String, _ name: String) -> String {
        let version = "\(rng.int(1...4)).\(rng.int(0...30)).\(rng.int(0...12))"
        return registry + name + ":" + version + (rng.chance(0.35) ? "@" + rng.digest() : "")
    }
}
