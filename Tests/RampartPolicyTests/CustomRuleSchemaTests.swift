import RampartPolicy
import RampartRules
import Testing

/// Where the object's schema is known (well-known kinds), a custom rule that reads a field the kind
/// does not have is an error at load time, naming the line and the nearest field.
@Suite struct CustomRuleSchemaTests {
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
}
