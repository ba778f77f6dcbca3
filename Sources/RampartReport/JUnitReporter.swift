import RampartRules

/// JUnit XML for CI dashboards: one test suite per enabled rule, one failing test case per finding
/// (a passing case when the rule found nothing), and a suite of input errors.
public enum JUnitReporter {
    public static func render(_ report: AuditReport, rules: [RuleMetadata]) -> String {
        let byRule = Dictionary(grouping: report.findings, by: \.ruleId)
        var suites: [String] = []
        if !report.errors.isEmpty {
            let cases = report.errors.map { error in
                "    <testcase classname=\"rampart.input\" name=\"\(xml(error.file))\">\n"
                    + "      <error message=\"\(xml(error.message))\">\(xml(error.description))</error>\n    </testcase>"
            }
            suites.append(suite(name: "input", tests: cases.count, failures: 0, errors: cases.count, cases: cases))
        }
        for rule in rules {
            let findings = byRule[rule.id] ?? []
            let cases = findings.isEmpty
                ? ["    <testcase classname=\"\(xml(rule.id))\" name=\"no findings\"/>"]
                : findings.map { finding in
                    let place = finding.location.file.map { "\($0):\(finding.location.line)" } ?? finding.object.description
                    return "    <testcase classname=\"\(xml(rule.id))\" name=\"\(xml(finding.object.description)) \(xml(finding.path))\" file=\"\(xml(finding.location.file ?? ""))\">\n"
                        + "      <failure message=\"\(xml(finding.message))\" type=\"\(finding.severity.rawValue)\">\(xml(place)): \(xml(finding.message))</failure>\n    </testcase>"
                }
            suites.append(suite(name: rule.id, tests: cases.count, failures: findings.count, errors: 0, cases: cases))
        }
        let failures = report.findings.count
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="rampart" tests="\(max(failures, 1))" failures="\(failures)" errors="\(report.errors.count)">
            \(suites.joined(separator: "\n"))
            </testsuites>
            """
    }

    private static func suite(name: String, tests: Int, failures: Int, errors: Int, cases: [String]) -> String {
        "  <testsuite name=\"\(xml(name))\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\">\n"
            + cases.joined(separator: "\n") + "\n  </testsuite>"
    }

    /// Text escaped for XML attributes and content; characters XML 1.0 forbids are dropped.
    static func xml(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20, scalar.value != 0xFFFE, scalar.value != 0xFFFF { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }
}
