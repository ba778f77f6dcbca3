import ArgumentParser
import RampartClusterAdmission
import RampartModel
import RampartReport

extension Rampart {
    /// `rampart admission`: the cluster's own admission, evaluated offline.
    struct Admission: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "admission",
            abstract: "Evaluate the cluster's own admission (ValidatingAdmissionPolicies, Pod Security) offline.",
            subcommands: [Check.self])
    }
}

extension Rampart.Admission {
    /// `rampart admission check`: what the cluster's admission would do with every object among the inputs.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Judge every object as the cluster's own admission would.",
            discussion: """
                The ValidatingAdmissionPolicies, their bindings and params are read from the same inputs (or the \
                live cluster) and are not themselves judged. Pods are also judged by the Pod Security admission of \
                their namespace's labels (templates of workloads get its warnings). Exit status: 0 every object \
                admitted, 1 an object denied, 2 usage or input error.
                """)

        @OptionGroup var input: InputOptions

        @Option(help: "The operation to judge: CREATE, UPDATE or DELETE.",
                transform: { text in
                    guard let operation = AdmissionOperation(rawValue: text.uppercased()), operation != .connect else {
                        throw ValidationError("--operation must be CREATE, UPDATE or DELETE")
                    }
                    return operation
                })
        var operation: AdmissionOperation = .create

        @OptionGroup var output: OutputOptions<AnswerFormat>

        func run() throws {
            let loaded = InputReader.load(input)
            let inventory = Inventory(objects: loaded.objects)
            let report = AdmissionCheckReport(results: AdmissionCheck.run(inventory, operation: operation),
                                              problems: ClusterAdmission(inventory).problems, errors: loaded.errors)
            try output.render(report)
            try RunStatus(report, cleanInputs: loaded.cleanInputs).finish()
        }
    }
}
