import RampartModel

/// One webhook of a ValidatingWebhookConfiguration (Kyverno, Gatekeeper, Rampart's own, …): which
/// requests it is sent. Rampart does not guess another engine's decisions; it says what is covered.
public struct AdmissionWebhook: Sendable {
    /// `configuration/webhook`.
    public var name: String
    public var failurePolicy: FailurePolicy
    let rules: [ResourceRule]
    let namespaceSelector: LabelSelector
    let objectSelector: LabelSelector

    /// Every validating webhook among the inputs.
    public static func all(in inventory: Inventory) -> [AdmissionWebhook] {
        let kind = ResourceKind.validatingWebhookConfigurations
        return inventory.objects(ofKind: kind.kind, group: kind.group).flatMap { configuration in
            (configuration.root["webhooks"]?.items ?? []).map { AdmissionWebhook(configuration.name, $0) }
        }
    }

    init(_ configuration: String, _ webhook: Node) {
        name = configuration + "/" + (webhook["name"]?.string ?? "")
        failurePolicy = webhook["failurePolicy"]?.string.flatMap(FailurePolicy.init(rawValue:)) ?? .fail
        rules = (webhook["rules"]?.items ?? []).map(ResourceRule.init)
        namespaceSelector = webhook["namespaceSelector"].map(LabelSelector.init) ?? LabelSelector()
        objectSelector = webhook["objectSelector"].map(LabelSelector.init) ?? LabelSelector()
    }

    /// True when the API server sends this webhook the creation of an unlabelled Pod in a namespace
    /// with `namespaceLabels`.
    func coversPods(namespaceLabels: [String: String]) -> Bool {
        let request = AdmissionAttributes(podIn: namespaceLabels[NamespaceLabels.nameLabel] ?? "")
        return rules.contains { $0.matches(request, equivalentVersions: false) }
            && namespaceSelector.matches(namespaceLabels) && objectSelector.matches([:])
    }
}

extension AdmissionAttributes {
    /// The creation of an unlabelled Pod in `namespace`, as a webhook's rules see it.
    init(podIn namespace: String) {
        operation = .create
        object = nil
        oldObject = nil
        group = ""
        version = "v1"
        kind = "Pod"
        resource = "pods"
        subresource = ""
        self.namespace = namespace
        name = ""
    }
}
