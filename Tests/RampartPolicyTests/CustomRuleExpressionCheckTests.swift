import RampartPolicy
import RampartRules
import Testing

/// What a custom rule's expressions are checked for when the rule is read: where the object's schema
/// is known (well-known kinds), a field the kind does not have is an error naming the line and the
/// nearest field; an expression over the runtime cost budget on any object is an error naming the line.
@Suite struct CustomRuleExpressionCheckTests {
    func errors(kinds: String, expression: String) -> [String] {
        let text = """
            apiVersion: rampart.dev/v1alpha1
            kind: Config
            customRules:
            - id: custom.schema
              title: t
              severity: low
              layer: pod
              match: {kinds: \(kinds)}
              validations:
              - expression: "\(expression)"
            """
        let (_, errors) = PolicyConfig.parse(Array(text.utf8), file: "c.yaml", knownRules: Set(Catalog.rules.map(\.metadata.id)))
        return errors.map { "\($0.line): \($0.message)" }
    }

    @Test func aMisspeltFieldOfAKnownKindIsAnError() {
        let found = errors(kinds: "[Deployment]", expression: "object.spec.replica <= 3")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("10: ") == true)
        #expect(found.first?.contains("object.spec.replica: Deployment has no field 'replica' there (did you mean 'replicas'?)") == true,
                "\(found)")
        let template = errors(kinds: "[Deployment, Pod]", expression: "!has(object.spec.template.spec.hostNetwrok)")
        #expect(template.first?.contains("did you mean 'hostNetwork'?") == true, "\(template)")
        #expect(errors(kinds: "[ConfigMap]", expression: "has(object.date.x)").first?.contains("did you mean 'data'?") == true)
    }

    @Test func knownFieldsAndUnknownKindsPass() {
        #expect(errors(kinds: "[Deployment, Pod]", expression: "has(object.spec.replicas) || object.spec.hostNetwork == false") == [])
        #expect(errors(kinds: "[Deployment]", expression: "object.spec.template.spec.containers.all(c, has(c.resources))") == [])
        #expect(errors(kinds: "[Widget]", expression: "object.spec.anything == 1") == [], "no schema for a custom kind: dyn")
        #expect(errors(kinds: "[Deployment, Widget]", expression: "object.spec.anything == 1") == [])
    }

    /// Macros nested over ten-item literal lists, one per name: ten to the number of names steps
    /// whatever the object.
    static func nestedMacros(_ names: [String]) -> String {
        names.reversed().reduce(names.joined(separator: " + ") + " >= 0") { inner, name in
            "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].all(\(name), \(inner))"
        }
    }

    /// A million steps: over the runtime budget when evaluated (`rampart cel eval` says "actual cost
    /// limit exceeded").
    static let millionSteps = nestedMacros(["a", "b", "c", "d", "e", "f"])

    @Test func anExpressionOverTheBudgetOnAnyObjectIsAnError() {
        let found = errors(kinds: "[Pod]", expression: Self.millionSteps)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("10: ") == true, "\(found)")
        #expect(found.first?.contains("is over the cost budget") == true, "\(found)")
        #expect(found.first?.contains("estimated cost of 16555551 even when every string, list and map of the object is empty, over 10000000") == true,
                "\(found)")
    }

    @Test func costThatOnlyLargeObjectsReachIsNoError() {
        // Over the API server's 10,000,000 estimate at a 3 MiB request's sizes, well under it on real objects.
        #expect(errors(kinds: "[Pod]", expression: "object.spec.containers.all(c, !c.image.startsWith('docker.io/') && c.image.contains('/'))") == [])
        // Five levels of the nested macros above: estimated 1,455,551, and evaluation stays within its budget.
        #expect(errors(kinds: "[Pod]", expression: Self.nestedMacros(["a", "b", "c", "d", "e"])) == [])
    }
}
