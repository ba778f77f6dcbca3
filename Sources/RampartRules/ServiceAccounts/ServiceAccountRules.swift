/// The service account rule family, in catalog order.
public enum ServiceAccountRules {
    public static let all: [any Rule] = [
        ServiceAccountsTokenAutomount(),
        ServiceAccountsDefaultAccount(),
        ServiceAccountsLongLivedToken(),
        ServiceAccountsCloudIdentityWritable(),
    ]
}
