/// The secrets hygiene rule family, in catalog order.
public enum SecretRules {
    public static let all: [any Rule] = [
        SecretsLiteralInEnv(),
        SecretsLiteralInConfigMap(),
        SecretsEnvFromSecret(),
    ]
}
