extension FunctionDeclarations {
    /// The Kubernetes authorizer library (`authorizer.group(g).resource(r).namespace(n).check(verb).allowed()`),
    /// as the checker sees it; `AuthorizationLibrary` runs it. An authorizer is bound only where the
    /// requester is known (`CELValue.authorizer`); elsewhere such a call fails at run time.
    static let authorization = """
        kubernetes.authorization.Authorizer::group(string) -> kubernetes.authorization.GroupCheck
        kubernetes.authorization.Authorizer::path(string) -> kubernetes.authorization.PathCheck
        kubernetes.authorization.Authorizer::serviceAccount(string, string) -> kubernetes.authorization.Authorizer
        kubernetes.authorization.GroupCheck::resource(string) -> kubernetes.authorization.ResourceCheck
        kubernetes.authorization.ResourceCheck::subresource(string) -> kubernetes.authorization.ResourceCheck
        kubernetes.authorization.ResourceCheck::namespace(string) -> kubernetes.authorization.ResourceCheck
        kubernetes.authorization.ResourceCheck::name(string) -> kubernetes.authorization.ResourceCheck
        kubernetes.authorization.ResourceCheck::check(string) -> kubernetes.authorization.Decision
        kubernetes.authorization.PathCheck::check(string) -> kubernetes.authorization.Decision
        kubernetes.authorization.Decision::allowed() -> bool
        kubernetes.authorization.Decision::reason() -> string
        kubernetes.authorization.Decision::errored() -> bool
        kubernetes.authorization.Decision::error() -> string
        """
}

extension CELType {
    /// The type of the `authorizer` variable of admission expressions.
    public static let kubernetesAuthorizer = CELType.opaque("kubernetes.authorization.Authorizer", [])
}
