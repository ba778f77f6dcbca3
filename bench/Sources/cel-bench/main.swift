import Foundation
import RampartCEL
import RampartClusterAdmission
import RampartLoading
import RampartModel

/// `cel-bench [ITERATIONS]`: the cost of one evaluation of typical admission expressions, compiled
/// once, over a three-container Pod; and of a whole ValidatingAdmissionPolicy decision (object
/// conversion, matching, variables, validations) through `ClusterAdmission`. Prints a Markdown
/// table of the median time per evaluation over five rounds.

let iterations = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 100_000

let podYAML = """
    apiVersion: v1
    kind: Pod
    metadata: {name: web, namespace: team-a, labels: {app: web, cost-centre: cc-42}}
    spec:
      containers:
      - {name: app, image: registry.example.com/team-a/web:1.4.2, securityContext: {privileged: false, allowPrivilegeEscalation: false}}
      - {name: proxy, image: registry.example.com/mesh/proxy:1.22.0, securityContext: {runAsNonRoot: true}}
      - {name: logs, image: registry.example.com/team-a/logs:0.9.1}
    """

let policyYAML = """
    apiVersion: admissionregistration.k8s.io/v1
    kind: ValidatingAdmissionPolicy
    metadata: {name: images}
    spec:
      matchConstraints:
        resourceRules:
        - {apiGroups: [""], apiVersions: [v1], operations: [CREATE], resources: [pods]}
      variables:
      - {name: containers, expression: "object.spec.containers"}
      validations:
      - expression: "variables.containers.all(c, c.image.startsWith('registry.example.com/'))"
      - expression: "variables.containers.all(c, !has(c.securityContext) || !has(c.securityContext.privileged) || !c.securityContext.privileged)"
    ---
    apiVersion: admissionregistration.k8s.io/v1
    kind: ValidatingAdmissionPolicyBinding
    metadata: {name: images}
    spec: {policyName: images, validationActions: [Deny]}
    """

let expressions = [
    ("no privileged container", "object.spec.containers.all(c, !has(c.securityContext) || !has(c.securityContext.privileged) || c.securityContext.privileged != true)"),
    ("label present", "has(object.metadata.labels) && 'cost-centre' in object.metadata.labels"),
    ("registry prefix", "object.spec.containers.all(c, c.image.startsWith('registry.example.com/'))"),
    ("registry regex", "object.spec.containers.all(c, c.image.matches('^registry[.]example[.]com/[a-z0-9-]+/'))"),
    ("image list", "object.spec.containers.map(c, c.image.split(':')[0]).exists(i, i.endsWith('/proxy'))"),
]

/// The median of five rounds of `iterations` runs of `body`, in nanoseconds per run.
func median(_ body: () -> Void) -> Double {
    var rounds: [Double] = []
    for _ in 0..<5 {
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<iterations { body() }
        rounds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / Double(iterations))
    }
    return rounds.sorted()[2]
}

let loaded = ManifestLoader.load(Array((podYAML + "\n---\n" + policyYAML).utf8), file: "bench.yaml")
guard let pod = loaded.objects.first(where: { $0.kind == "Pod" }) else { fatalError("the benchmark pod does not load") }
let environment = CELEnvironment(variables: ["object": .dyn])

print("| expression | ns per evaluation (median of 5 × \(iterations)) |")
print("|---|--:|")
let admission = ClusterAdmission(Inventory(objects: loaded.objects))
let request = AdmissionAttributes(operation: .create, object: pod)
let bindings = ["object": ClusterAdmission.celValue(of: pod)]
for (name, source) in expressions {
    let program: CELProgram
    do { program = try CELProgram(source, environment: environment) } catch { fatalError("\(name): \(error)") }
    guard (try? program.evaluate(bindings)) == .bool(true) else { fatalError("\(name) does not hold on the benchmark pod") }
    let nanoseconds = median { _ = try? program.evaluate(bindings) }
    print("| \(name) | \(Int(nanoseconds.rounded())) |")
}
guard admission.evaluate(request).verdicts.isEmpty else { fatalError("the benchmark policy denies the benchmark pod") }
let decision = median { _ = admission.evaluate(request) }
print("| whole policy decision (convert, match, 1 variable, 2 validations) | \(Int(decision.rounded())) |")
