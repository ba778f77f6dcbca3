import ArgumentParser
import RampartLoading
import RampartModel
import RampartReport
import RampartPSS

extension Rampart {
    /// `rampart pss`: every pod-bearing object judged as the Kubernetes Pod Security admission would.
    struct Pss: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pss",
            abstract: "Evaluate pods and pod templates against the Pod Security Standards, as the admission does.",
            discussion: """
                Without --level, each object is judged by the pod-security.kubernetes.io/enforce (and \
                -version) labels of its Namespace when that Namespace is among the inputs; otherwise by the \
                admission's default, privileged, which allows everything. What the namespace's audit and warn \
                labels would report is shown too. -n NAMESPACE judges only the pods and pod templates of that \
                namespace (by its Namespace's labels, read from any input). Exit status: 0 all allowed, 1 a pod not \
                allowed, 2 usage or input error.

                Examples:
                  rampart pss manifests/          # by each namespace's enforce label
                  rampart pss manifests/ --level restricted
                  rampart pss manifests/ -n team-a   # team-a's pods, judged by team-a's Namespace labels
                  rampart pss manifests/ --level baseline --version v1.30 -o json
                """)

        @OptionGroup var input: InputOptions
        @OptionGroup var scope: NamespaceScopeOptions

        @Option(help: "Judge every object at this level: privileged, baseline or restricted.",
                transform: { text in
                    guard let level = PolicyLevel(parsing: text) else {
                        throw ValidationError("--level must be privileged, baseline or restricted")
                    }
                    return level
                })
        var level: PolicyLevel?

        // `rampart --version` prints the tool's version; here `--version` always takes a policy version, so the
        // value name and help say what it wants when the value is missing.
        @Option(help: ArgumentHelp("Policy version for --level: a value like v1.30, or latest (the default).",
                                   valueName: "latest|vMAJOR.MINOR"),
                transform: { text in
                    guard let version = PolicyVersion(parsing: text) else {
                        throw ValidationError("--version must be latest or v1.MINOR, e.g. v1.30")
                    }
                    return version
                })
        var version: PolicyVersion?

        @OptionGroup var output: OutputOptions<AnswerFormat>

        func validate() throws {
            if version != nil, level == nil { throw ValidationError("--version needs --level") }
        }

        func run() throws {
            let loaded = InputReader.load(input)
            let explicit = level.map { LevelVersion(level: $0, version: version ?? .latest) }
            let verdicts = PodVerdict.evaluate(Inventory(objects: loaded.objects), explicit: explicit)
                .filter { scope.includes($0.pod.object.namespace) }
            let report = PodSecurityReport(verdicts: verdicts, errors: loaded.errors)
            try output.render(report)
            try RunStatus(report, cleanInputs: loaded.cleanInputs).finish()
        }
    }
}
