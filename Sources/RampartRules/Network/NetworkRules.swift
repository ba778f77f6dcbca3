/// The Network rule family, in catalog order.
public enum NetworkRules {
    public static let all: [any Rule] = [
        NetpolNoDefaultDeny(),
        NetpolNoDefaultDenyEgress(),
        NetpolUnselectedWorkload(),
        NetpolIngressFromAllNamespaces(),
        NetpolIngressFromOutside(),
        NetpolEgressToAnywhere(),
        NetpolEgressToMetadata(),
        NetpolDeadPolicy(),
        NetpolUnresolvedNamedPort(),
        NetpolPolicyNotEnforced(),
        NetpolIgnoredRules(),
    ]
}
