import ArgumentParser

/// kubectl's `-n/--namespace` and `-A/--all-namespaces`. Every input is still read (a policy, a
/// binding or a Namespace elsewhere decides about the namespace's objects); only what the command
/// reports on is narrowed to the namespace. Without either option every namespace is reported, as
/// `-A` asks; giving both is an error, as in `rbac who-can`.
struct NamespaceScopeOptions: ParsableArguments {
    @Option(name: [.customShort("n"), .long],
            help: "Report only on objects of this namespace (every input is still read for context).")
    var namespace: String?

    @Flag(name: [.customShort("A"), .long], help: "Report on every namespace (the default).")
    var allNamespaces = false

    func validate() throws {
        if allNamespaces, namespace != nil { throw ValidationError("give -n NAMESPACE or -A, not both") }
    }

    /// True when something of `namespace` (nil: cluster-scoped) is reported on.
    func includes(_ namespace: String?) -> Bool {
        self.namespace.map { $0 == namespace } ?? true
    }

    /// True when either end of a flow between `from` and `to` is reported on.
    func includes(from: String?, to: String?) -> Bool {
        includes(from) || includes(to)
    }
}
