import RampartModel
import RampartRules
import Testing
import TestSupport

@Suite struct ExposureAndSecretRuleTests {
    @Test func servicesThatLeaveTheCluster() {
        let services = """
            kind: Service
            apiVersion: v1
            metadata: {name: lb, namespace: a}
            spec: {type: LoadBalancer}
            ---
            kind: Service
            apiVersion: v1
            metadata: {name: np, namespace: a}
            spec: {type: NodePort, externalIPs: [203.0.113.7]}
            ---
            kind: Service
            apiVersion: v1
            metadata: {name: internal, namespace: a}
            spec: {type: ClusterIP}
            ---
            kind: Service
            apiVersion: serving.knative.dev/v1
            metadata: {name: knative, namespace: a}
            spec: {type: LoadBalancer}
            """
        let found = findings(services, rules: ExposureRules.all)
        #expect(found.map { "\($0.ruleId) \($0.object.name)" }.sorted()
                == ["exposure.external-ips np", "exposure.load-balancer lb", "exposure.node-port np"])
    }

    @Test func ingressTLSCoversHosts() {
        let ingress = """
            kind: Ingress
            metadata: {name: web, namespace: a}
            spec:
              tls: [{hosts: [secure.example.com], secretName: cert}]
              rules:
              - host: secure.example.com
              - host: plain.example.com
            """
        let found = findings(ingress, rules: [ExposureIngressWithoutTLS()])
        #expect(found.map(\.path) == ["spec.rules[1]"])
    }

    @Test func literalCredentialsAreFoundButNeverPrinted() {
        let manifests = """
            kind: ConfigMap
            metadata: {name: settings, namespace: a}
            data:
              DB_PASSWORD: "s3cr3t-Pa55w0rd"
              PASSWORD_FILE: /etc/secret/password
              api-token-secret-namespace: default
              GITHUB: ghp_abcdefghijklmnopqrstuvwxyz0123456789
            ---
            kind: Pod
            metadata: {name: p, namespace: a}
            spec:
              containers:
              - name: c
                image: x
                env:
                - {name: API_KEY, value: "k-93jf8Qw2"}
                - {name: HF_TOKEN, value: HF_TOKEN}
                - {name: TOKEN_TTL, value: "3600"}
                - name: FROM_SECRET
                  valueFrom: {secretKeyRef: {name: db, key: password}}
            """
        let found = findings(manifests, rules: SecretRules.all)
        #expect(found.map(\.path).sorted() == [
            "data.DB_PASSWORD", "data.GITHUB",
            "spec.containers[0].env[0].value", "spec.containers[0].env[3].valueFrom",
        ])
        for finding in found {
            #expect(!finding.message.contains("s3cr3t") && !finding.message.contains("ghp_") && !finding.message.contains("k-93jf8Qw2"))
        }
    }
}
