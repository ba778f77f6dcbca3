/// A validation of a pod-bearing policy: the expression, the field under the pod spec it judges,
/// the message expression that follows the rule ID and that field, and any variables of its own.
struct PodValidation {
    var expression: String
    var field: String
    var detail: String
    var variables: [(name: String, expression: String)] = []

    /// Passes unless some container of `list` (a CEL list, each element `c`) is `failing`; the
    /// message names those containers and says `problem`.
    static func containers(failing: String, in list: String = "variables.containers", field: String,
                           problem: String) -> PodValidation {
        PodValidation(expression: "!(\(list)).exists(c, \(failing))", field: field,
                      detail: "\(setters(pod: "false", containers: failing, in: list)) + \(PolicyYAML.celString(" " + problem))")
    }

    /// Passes unless the pod is `podFailing` or some container is `containerFailing` (over `c`);
    /// the message names them and says `problem`.
    static func podOrContainers(pod podFailing: String, containers containerFailing: String, field: String,
                                problem: String) -> PodValidation {
        PodValidation(expression: "!(\(podFailing)) && !variables.containers.exists(c, \(containerFailing))", field: field,
                      detail: "\(setters(pod: podFailing, containers: containerFailing)) + \(PolicyYAML.celString(" " + problem))")
    }

    /// `pod` (when `pod` holds) and the names of the containers that are `failing`, as one CEL string.
    static func setters(pod: String, containers failing: String, in list: String = "variables.containers") -> String {
        "(((\(pod)) ? ['pod'] : []) + (\(list)).filter(c, \(failing)).map(c, 'container ' + \(CELFields.name("c")))).join(', ')"
    }

    /// The validation judged only where `condition` holds (it passes elsewhere).
    func when(_ condition: String) -> PodValidation {
        var copy = self
        copy.expression = "!(\(condition)) || (\(expression))"
        return copy
    }
}
