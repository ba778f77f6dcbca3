import RampartModel
import RampartRules
import RampartTenancy

/// The direct JSON of the reports' items (findings, work items, the tenant matrix's interactions),
/// member for member what their `Codable` conformances encode, each written as one value where the
/// writer stands.
extension JSONText {
    mutating func interaction(_ interaction: Interaction) {
        object { json in
            json.key("details")
            json.array(interaction.details) { $0.string($1) }
            json.pair("from", interaction.from)
            json.key("layers")
            json.array(interaction.layers) { $0.string($1.rawValue) }
            json.pair("to", interaction.to)
        }
    }

    mutating func finding(_ finding: Finding) {
        object { json in
            json.pair("fix", finding.fix)
            json.pair("layer", finding.layer.rawValue)
            json.key("location")
            json.location(finding.location)
            json.pair("message", finding.message)
            json.key("notes")
            json.array(finding.notes) { $0.string($1) }
            json.key("object")
            json.reference(finding.object)
            json.pair("path", finding.path)
            json.pair("ruleId", finding.ruleId)
            json.pair("severity", finding.severity.rawValue)
            json.key("standards")
            json.array(finding.standards) { $0.string($1) }
            json.pair("title", finding.title)
        }
    }

    mutating func workItem(_ item: WorkItem) {
        object { json in
            json.key("consequences")
            json.array(item.consequences) { json, consequence in
                json.object { json in
                    json.pair("message", consequence.message)
                    json.pair("ruleId", consequence.ruleId)
                    json.pair("severity", consequence.severity.rawValue)
                }
            }
            json.pair("fix", item.fix)
            json.key("location")
            json.location(item.location)
            json.key("object")
            json.reference(item.object)
            json.pair("path", item.path)
            json.pair("severity", item.severity.rawValue)
            json.pair("title", item.title)
        }
    }

    private mutating func location(_ location: SourceLocation) {
        object { json in
            json.pair("column", location.column)
            json.pair("file", location.file)
            json.pair("line", location.line)
        }
    }

    private mutating func reference(_ reference: ObjectReference) {
        object { json in
            json.pair("apiVersion", reference.apiVersion)
            json.pair("kind", reference.kind)
            json.pair("name", reference.name)
            json.pair("namespace", reference.namespace)
        }
    }
}
