import RampartModel

/// A finding of a rule the tenancy engine does not know (a custom rule) that counts against one
/// layer of the tenant whose namespace holds the object: as a failure of that layer when the rule
/// is severe enough to break isolation, else as a warning.
public struct LayerFinding: Sendable {
    public var layer: TenancyLayer
    public var object: KubeObject
    public var path: FieldPath
    public var message: String
    /// The rule's ID (`custom.…`), named by the evidence.
    public var rule: String
    /// True when the finding fails the layer (lowers it to `none`); false: a warning.
    public var fails: Bool

    public init(layer: TenancyLayer, object: KubeObject, path: FieldPath, message: String, rule: String, fails: Bool) {
        self.layer = layer
        self.object = object
        self.path = path
        self.message = message
        self.rule = rule
        self.fails = fails
    }
}

extension LayerBuilder {
    /// Adds `finding` to this layer: a limit to `none` when it fails the layer, else a warning.
    mutating func add(_ finding: LayerFinding) {
        if finding.fails {
            limit(to: .none, finding.message, finding.object, finding.path, rules: [.custom(finding.rule)])
        } else {
            warn(finding.message, finding.object, finding.path, rules: [.custom(finding.rule)])
        }
    }
}
