import RampartModel

/// A rule about each tenant namespace (platform namespaces are skipped). Its violations point at
/// the Namespace object when it is among the inputs, else at the first object found in the namespace.
protocol NamespaceRule: Rule {
    /// The message when `namespace` violates the rule, or nil.
    func check(namespace: String, in context: AuditContext) -> String?
}

extension NamespaceRule {
    public func evaluate(in context: AuditContext) -> [Violation] {
        let inventory = context.inventory
        let firstObject = Dictionary(inventory.objects.compactMap { object in object.namespace.map { ($0, object) } },
                                     uniquingKeysWith: { first, _ in first })
        return inventory.namespaceNames.filter(context.isTenantNamespace).compactMap { namespace in
            guard let message = check(namespace: namespace, in: context),
                  let object = inventory.namespace(namespace) ?? firstObject[namespace] else { return nil }
            return Violation(object: object, path: object.kind == "Namespace" ? "metadata.name" : "metadata.namespace",
                             message: message)
        }
    }
}
