import ArgumentParser
import Foundation
import RampartAdmission
import RampartClusterAdmission
import RampartModel
import RampartRBAC
import RampartReport

extension Rampart {
    /// `rampart admission`: the cluster's own admission, evaluated offline.
    struct Admission: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "admission",
            abstract: "Evaluate the cluster's own admission (ValidatingAdmissionPolicies, Pod Security) offline.",
            discussion: """
                Examples:
                  rampart admission check examples/cluster
                  rampart admission check --cluster -o json
                """,
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
                their namespace's labels (templates of workloads get its warnings). With --webhook-config, Rampart's \
                own webhook judges them too, as `webhook serve --config` would. Exit status: 0 every object \
                admitted, 1 an object denied, 2 usage or input error.

                Examples:
                  rampart admission check examples/cluster
                  rampart admission check manifests/ policies/ --operation UPDATE -o json
                  rampart admission check examples/cluster --as alice --as-group developers
                  helm template web ./chart | rampart admission check - cluster-policies/
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

        @Option(help: "Judge with Rampart's own webhook too, configured by this file (as `webhook serve --config`).")
        var webhookConfig: String?

        @Option(name: .customLong("as"),
                help: "The user who sends the requests: policies read it in request.userInfo, and their authorizer is answered by the RBAC among the inputs.")
        var user: String?

        @Option(name: .customLong("as-group"), help: "A group of the --as user (repeatable; system:authenticated is added).")
        var groups: [String] = []

        @OptionGroup var output: OutputOptions<AnswerFormat>

        func run() throws {
            let loaded = InputReader.load(input)
            let inventory = Inventory(objects: loaded.objects)
            let webhook = try webhookConfig.map { path in
                let (config, errors) = try ConfigFile.read(path)
                try ConfigFile.stop(on: errors)
                return AdmissionController(config: config)
            }
            guard user != nil || groups.isEmpty else { throw ValidationError("--as-group needs --as") }
            // As impersonation does, an authenticated user is in system:authenticated.
            let requester = user.map { AdmissionUser(name: $0, groups: groups.contains("system:authenticated") ? groups : groups + ["system:authenticated"]) }
            let authorize = requester.map { _ in AdmissionAuthorizer.rbac(RBACPolicy(inventory: inventory)) }
            let results = AdmissionCheck.run(inventory, operation: operation, user: requester, authorize: authorize,
                                             webhook: webhook.map { controller in { request in Self.decide(request, controller) } })
            let report = AdmissionCheckReport(results: results, problems: ClusterAdmission(inventory).problems, errors: loaded.errors)
            try output.render(report)
            try RunStatus(report, cleanInputs: loaded.cleanInputs).finish()
        }
    
        /// Rampart's webhook's decision on the request, as the API server would send it the review.
        private static func decide(_ request: AdmissionAttributes, _ controller: AdmissionController) -> AdmissionCheckResult.StepVerdict {
            let review = AdmissionRequest(uid: "offline", group: request.group, kind: request.kind, resource: request.resource,
                                          namespace: request.namespace, name: request.name,
                                          operation: AdmissionRequest.Operation(rawValue: request.operation.rawValue) ?? .create,
                                          userInfo: AdmissionRequest.UserInfo(username: "offline"),
                                          object: request.object?.root, oldObject: request.oldObject?.root)
            let today = UTCDate.today
            let response = controller.decide(review, today: today).response
            return AdmissionCheckResult.StepVerdict(name: "rampart", allowed: response.allowed,
                                                    messages: (response.message.map { [$0] } ?? []) + response.warnings)
        }
    }
}
