import Foundation
import RampartControlPlane
import RampartModel
import Testing
import TestSupport

/// The API server's authorizers, from a structured AuthorizationConfiguration or --authorization-mode.
@Suite struct AuthorizerChainTests {
    static let configuration = """
        apiVersion: apiserver.config.k8s.io/v1
        kind: AuthorizationConfiguration
        authorizers:
        - {type: Node, name: node}
        - type: Webhook
          name: opa
          webhook: {timeout: 3s, failurePolicy: Deny, subjectAccessReviewVersion: v1, matchConditionSubjectAccessReviewVersion: v1,
                    connectionInfo: {type: InClusterConfig}}
        - {type: RBAC, name: rbac}
        """

    @Test func aStructuredConfigurationNamesItsWebhooks() throws {
        let chain = try #require(AuthorizerChain(Fixtures.inventory(Self.configuration)))
        #expect(chain.authorizers.map(\.type) == ["Node", "Webhook", "RBAC"])
        #expect(chain.webhooks == ["opa"])
        #expect(chain.webhookCaveat?.contains("opa (order Node,Webhook,RBAC") == true)
    }

    @Test func theFlagOfTheExampleClusterHasNoWebhook() throws {
        let text = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("examples/cluster/control-plane/kube-apiserver.yaml"),
                              encoding: .utf8)
        let chain = try #require(AuthorizerChain(Fixtures.inventory(text)))
        #expect(chain.authorizers.map(\.type) == ["Node", "RBAC"])
        #expect(chain.webhookCaveat == nil)
        let webhook = try #require(AuthorizerChain(Fixtures.inventory(text.replacingOccurrences(of: "=Node,RBAC", with: "=Node,RBAC,Webhook"))))
        #expect(webhook.webhooks == ["Webhook"])
        #expect(webhook.source.hasPrefix("--authorization-mode of kube-apiserver"))
    }

    @Test func withoutEitherThereIsNoChain() {
        #expect(AuthorizerChain(Fixtures.inventory("apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n")) == nil)
    }
}
