import Foundation
import Testing
@testable import RampartCEL

/// One case of `../shared/conformance/cel/k8s-library.json` that exercises the Kubernetes library
/// value types: the sections `ip`, `cidr`, `quantity`, `semver`, `format` and the `crd_validation_rules`
/// groups `quantity`, `IP and CIDR`, `format` and `URL parsing` (format in that folder's README).
struct KubeLibraryCase: Sendable, CustomTestStringConvertible {
    /// What the case expects.
    enum Outcome: Sendable {
        case value(KubeLibraryValue)
        case errorMessage(String)
        case errorPattern(String)
        case errorContains(String)
        case compileError
    }

    let section: String
    let name: String
    let expression: String
    let variables: [String: KubeLibraryValue]
    let outcome: Outcome

    var testDescription: String { "\(section)/\(name): \(expression)" }

    static let sections: Set<String> = ["ip", "cidr", "quantity", "semver", "format"]
    static let ruleGroups: Set<String> = ["quantity", "IP and CIDR", "format", "URL parsing"]

    /// The case file beside the repository (`../shared`), nil when absent.
    static let file: URL? = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<5 { url.deleteLastPathComponent() }
        let file = url.appendingPathComponent("shared/conformance/cel/k8s-library.json")
        return FileManager.default.fileExists(atPath: file.path) ? file : nil
    }()

    /// Every case of the sections and groups above whose `k8sSkip` is null.
    static let all: [KubeLibraryCase] = {
        guard let file, let data = try? Data(contentsOf: file),
              let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let sections = root["sections"] as? [[String: Any]] else { return [] }
        var cases: [KubeLibraryCase] = []
        for section in sections {
            guard let sectionName = section["name"] as? String, let tests = section["tests"] as? [[String: Any]] else { continue }
            for test in tests where test["k8sSkip"] is NSNull {
                guard let name = test["name"] as? String else { continue }
                let group = String(name.prefix { $0 != ":" })
                guard Self.sections.contains(sectionName) || (sectionName == "crd_validation_rules" && ruleGroups.contains(group)) else {
                    continue
                }
                cases.append((try? KubeLibraryCase(section: sectionName, name: name, test: test))
                    ?? KubeLibraryCase(section: sectionName, name: name, expression: "<unreadable case>", variables: [:],
                                       outcome: .errorMessage("unreadable case")))
            }
        }
        return cases
    }()

    init(section: String, name: String, expression: String, variables: [String: KubeLibraryValue], outcome: Outcome) {
        self.section = section
        self.name = name
        self.expression = expression
        self.variables = variables
        self.outcome = outcome
    }

    private init(section: String, name: String, test: [String: Any]) throws {
        guard let expression = test["expr"] as? String, let expected = test["expected"] as? [String: Any] else {
            throw KubeLibraryCaseError("case \(name) lacks expr or expected")
        }
        var variables: [String: KubeLibraryValue] = [:]
        for (key, value) in test["bindings"] as? [String: Any] ?? [:] {
            variables[key] = try KubeLibraryValue(json: value)
        }
        let outcome: Outcome
        if let value = expected["value"] {
            outcome = .value(try KubeLibraryValue(json: value))
        } else if expected["compileError"] as? Bool == true {
            outcome = .compileError
        } else if let message = expected["errorMessage"] as? String {
            outcome = .errorMessage(message)
        } else if let pattern = expected["errorPattern"] as? String {
            outcome = .errorPattern(pattern)
        } else if let text = expected["errorContains"] as? String {
            outcome = .errorContains(text)
        } else {
            throw KubeLibraryCaseError("case \(name) has no usable expectation")
        }
        self.init(section: section, name: name, expression: expression, variables: variables, outcome: outcome)
    }
}
