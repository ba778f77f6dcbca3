/// The secure deployment of the webhook that `rampart webhook manifests` prints: its own namespace
/// (restricted Pod Security, quota, limit range, default-deny network policies), a ServiceAccount
/// without a token, the configuration, a two-replica Deployment spread over nodes with a
/// PodDisruptionBudget, its Service, and the ValidatingWebhookConfiguration. It passes `rampart
/// audit` without findings (a test checks it).
public struct DeploymentManifests: Sendable {
    /// Namespace of the webhook (excluded from its own webhook, as is kube-system).
    public var namespace = "rampart-system"
    public var name = "rampart-webhook"
    /// The image, pinned by digest.
    public var image: String
    public var replicas = 2
    /// The `caBundle` to trust (from `rampart webhook certs`); nil: left for cert-manager's CA injector.
    public var caBundle: String?
    /// The cert-manager Certificate (`namespace/name`) whose CA the injector puts in the webhook configuration.
    public var certManagerCertificate: String?

    public init(image: String) {
        self.image = image
    }

    /// Every object, as one YAML stream.
    public func render() -> String {
        [namespaceObjects, networkPolicies, serviceAccountAndConfig, deployment, service, webhookConfiguration]
            .joined(separator: "---\n")
    }

    /// The workload's labels, continuation lines indented by `indent` spaces.
    private func labels(indent: Int) -> String {
        "app.kubernetes.io/name: \(name)\n" + String(repeating: " ", count: indent) + "app.kubernetes.io/part-of: rampart"
    }

    private var namespaceObjects: String {
        """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: \(namespace)
          labels:
            pod-security.kubernetes.io/enforce: restricted
            pod-security.kubernetes.io/enforce-version: latest
            pod-security.kubernetes.io/warn: restricted
            pod-security.kubernetes.io/audit: restricted
        ---
        apiVersion: v1
        kind: ResourceQuota
        metadata:
          name: \(name)
          namespace: \(namespace)
        spec:
          hard:
            requests.cpu: "2"
            requests.memory: 1Gi
            limits.cpu: "4"
            limits.memory: 2Gi
            pods: "10"
            services.loadbalancers: "0"
            services.nodeports: "0"
        ---
        apiVersion: v1
        kind: LimitRange
        metadata:
          name: \(name)
          namespace: \(namespace)
        spec:
          limits:
            - type: Container
              default: {cpu: 500m, memory: 128Mi}
              defaultRequest: {cpu: 100m, memory: 64Mi}

        """
    }

    /// Deny everything, then admit HTTPS to the webhook from private addresses (the API server; narrow
    /// these to your control plane's). The webhook opens no connections, not even DNS.
    private var networkPolicies: String {
        """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: default-deny
          namespace: \(namespace)
        spec:
          podSelector: {}
          policyTypes: [Ingress, Egress]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: \(name)-from-apiserver
          namespace: \(namespace)
        spec:
          podSelector:
            matchLabels:
              app.kubernetes.io/name: \(name)
          policyTypes: [Ingress]
          ingress:
            - from:
                - ipBlock: {cidr: 10.0.0.0/8}
                - ipBlock: {cidr: 172.16.0.0/12}
                - ipBlock: {cidr: 192.168.0.0/16}
              ports:
                - {protocol: TCP, port: 8443}

        """
    }

    private var serviceAccountAndConfig: String {
        """
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: \(name)
          namespace: \(namespace)
        automountServiceAccountToken: false
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: \(name)-config
          namespace: \(namespace)
        data:
          config.yaml: |
            apiVersion: rampart.dev/v1alpha1
            kind: Config
            webhook:
              mode: enforce
              denyOn: high
              exempt:
                namespaces: [\(namespace)]

        """
    }

    private var deployment: String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: \(name)
          namespace: \(namespace)
          labels:
            \(labels(indent: 4))
        spec:
          replicas: \(replicas)
          selector:
            matchLabels:
              app.kubernetes.io/name: \(name)
          strategy:
            rollingUpdate: {maxUnavailable: 0, maxSurge: 1}
          template:
            metadata:
              labels:
                \(labels(indent: 8))
            spec:
              serviceAccountName: \(name)
              automountServiceAccountToken: false
              securityContext:
                runAsNonRoot: true
                runAsUser: 65532
                runAsGroup: 65532
                seccompProfile: {type: RuntimeDefault}
              affinity:
                podAntiAffinity:
                  preferredDuringSchedulingIgnoredDuringExecution:
                    - weight: 100
                      podAffinityTerm:
                        topologyKey: kubernetes.io/hostname
                        labelSelector:
                          matchLabels:
                            app.kubernetes.io/name: \(name)
              containers:
                - name: webhook
                  image: \(image)
                  args: [webhook, serve, --config, /etc/rampart/config.yaml, --cert, /tls/tls.crt, --key, /tls/tls.key]
                  ports:
                    - {name: https, containerPort: 8443, protocol: TCP}
                  readinessProbe:
                    httpGet: {path: /readyz, port: https, scheme: HTTPS}
                  livenessProbe:
                    httpGet: {path: /healthz, port: https, scheme: HTTPS}
                  resources:
                    requests: {cpu: 100m, memory: 64Mi}
                    limits: {cpu: "1", memory: 128Mi}
                  securityContext:
                    allowPrivilegeEscalation: false
                    readOnlyRootFilesystem: true
                    capabilities: {drop: [ALL]}
                  volumeMounts:
                    - {name: tls, mountPath: /tls, readOnly: true}
                    - {name: config, mountPath: /etc/rampart, readOnly: true}
              volumes:
                - name: tls
                  secret: {secretName: \(name)-tls}
                - name: config
                  configMap: {name: \(name)-config}
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata:
          name: \(name)
          namespace: \(namespace)
        spec:
          minAvailable: 1
          selector:
            matchLabels:
              app.kubernetes.io/name: \(name)

        """
    }

    private var service: String {
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: \(name)
          namespace: \(namespace)
        spec:
          type: ClusterIP
          selector:
            app.kubernetes.io/name: \(name)
          ports:
            - {name: https, port: 443, targetPort: https, protocol: TCP}

        """
    }

    /// Two webhooks: pod-bearing objects fail closed (Pod Security must not be bypassed by an outage;
    /// two replicas and a budget keep it up), other objects fail open (hygiene rules must never block
    /// the cluster). Both skip kube-system and the webhook's namespace, leases and events.
    private var webhookConfiguration: String {
        let annotations = certManagerCertificate.map { "\n  annotations:\n    cert-manager.io/inject-ca-from: \($0)" } ?? ""
        let bundle = caBundle.map { "\n      caBundle: \($0)" } ?? ""
        func webhook(_ webhookName: String, failurePolicy: String, rules: String) -> String {
            """
              - name: \(webhookName)
                admissionReviewVersions: [v1]
                sideEffects: None
                timeoutSeconds: 5
                failurePolicy: \(failurePolicy)
                matchPolicy: Equivalent
                clientConfig:
                  service: {name: \(name), namespace: \(namespace), path: /validate, port: 443}\(bundle)
                namespaceSelector:
                  matchExpressions:
                    - key: kubernetes.io/metadata.name
                      operator: NotIn
                      values: [kube-system, \(namespace)]
                matchConditions:
                  - name: exclude-leases
                    expression: "!(request.resource.group == 'coordination.k8s.io' && request.resource.resource == 'leases')"
                  - name: exclude-events
                    expression: "!(request.resource.resource == 'events')"
                rules:
            \(rules)
            """
        }
        let podRules = """
                  - {apiGroups: [""], apiVersions: [v1], operations: [CREATE, UPDATE], resources: [pods, pods/ephemeralcontainers, podtemplates, replicationcontrollers], scope: Namespaced}
                  - {apiGroups: [apps], apiVersions: [v1], operations: [CREATE, UPDATE], resources: [deployments, replicasets, statefulsets, daemonsets], scope: Namespaced}
                  - {apiGroups: [batch], apiVersions: [v1], operations: [CREATE, UPDATE], resources: [jobs, cronjobs], scope: Namespaced}
            """
        let objectRules = """
                  - {apiGroups: [""], apiVersions: [v1], operations: [CREATE, UPDATE], resources: [services, configmaps, namespaces], scope: "*"}
                  - {apiGroups: [networking.k8s.io], apiVersions: [v1], operations: [CREATE, UPDATE], resources: [ingresses], scope: Namespaced}
            """
        return """
            apiVersion: admissionregistration.k8s.io/v1
            kind: ValidatingWebhookConfiguration
            metadata:
              name: \(name)
              labels:
                rampart.dev/component: admission-configuration\(annotations)
            webhooks:
            \(webhook("pods.rampart.dev", failurePolicy: "Fail", rules: podRules))
            \(webhook("objects.rampart.dev", failurePolicy: "Ignore", rules: objectRules))

            """
    }
}
