import RampartModel
import RampartRules
import RampartTenancy

/// The direct JSON of the reports' items (findings, work items, tenants' verdicts, the tenant
/// matrix's interactions), member for member what their `Codable` conformances encode, each
/// written as one value where the writer stands.
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

    mutating func tenantVerdict(_ verdict: TenantVerdict) {
        object { json in
            json.pair("achieved", verdict.achieved.rawValue)
            json.key("admissionCoverage")
            json.array(verdict.admissionCoverage) { json, cell in
                json.object { json in
                    json.key("by")
                    json.array(cell.by) { $0.string($1) }
                    json.pair("control", cell.control.rawValue)
                    json.pair("namespace", cell.namespace)
                    json.pair("status", cell.status.rawValue)
                }
            }
            json.key("compliance")
            json.array(verdict.compliance) { $0.string($1) }
            json.key("layers")
            json.array(verdict.layers) { $0.layerVerdict($1) }
            json.key("namespaces")
            json.array(verdict.namespaces) { $0.string($1) }
            json.pair("origin", verdict.origin)
            json.pair("required", verdict.required.rawValue)
            json.pair("tenant", verdict.tenant)
            json.pair("trust", verdict.trust.rawValue)
            json.pair("untrustedCode", verdict.untrustedCode)
        }
    }

    private mutating func layerVerdict(_ layer: LayerVerdict) {
        object { json in
            json.pair("ceiling", layer.ceiling.rawValue)
            json.key("evidence")
            json.array(layer.evidence) { json, evidence in
                json.object { json in
                    // Absent optionals are left out, as the synthesized encoding does.
                    if let chargedTo = evidence.chargedTo { json.pair("chargedTo", chargedTo) }
                    if let location = evidence.location {
                        json.key("location")
                        json.location(location)
                    }
                    json.pair("message", evidence.message)
                    if let object = evidence.object {
                        json.key("object")
                        json.reference(object)
                    }
                    json.key("rules")
                    json.array(evidence.rules) { $0.string($1) }
                    json.pair("status", evidence.status.rawValue)
                }
            }
            json.pair("layer", layer.layer.rawValue)
            json.pair("status", layer.status.rawValue)
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
