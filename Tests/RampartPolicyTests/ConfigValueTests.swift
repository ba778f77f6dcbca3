import RampartLoading
import RampartModel
import RampartPolicy
import RampartRules
import Testing

/// Issue 14, continued: a value of the wrong type, an unknown rule ID or a typo in the `webhook:`
/// section is an error naming its line whichever command reads the file (`audit --config` as much as
/// `webhook serve`), never a silently wider or narrower policy.
@Suite struct ConfigValueTests {
    static let known = Set(Catalog.rules.map(\.metadata.id))

    private func config(_ text: String) -> (PolicyConfig, [InputError]) {
        PolicyConfig.parse(Array(text.utf8), file: ".rampart.yaml", knownRules: Self.known)
    }

    private func webhook(_ text: String) -> (WebhookConfig, [InputError]) {
        WebhookConfig.parse(Array(text.utf8), file: ".rampart.yaml", knownRules: Self.known)
    }

    // MARK: The webhook section, whoever reads the file

    @Test func auditChecksTheWebhookSectionWithTheSameErrors() {
        let text = """
            kind: Config
            failOn: high
            webhook:
              mdoe: warn
              denyOn: severe
              exempt: {namespace: [monitoring]}
              namespaces:
              - names: [team-a]
                podSecurity: strict
            """
        let (audit, errors) = config(text)
        #expect(errors.map(\.description) == [
            ".rampart.yaml:4:3: unknown key 'mdoe' in webhook; did you mean 'mode'?",
            ".rampart.yaml:5:11: 'denyOn' must be one of critical, high, medium, low, info, not 'severe'",
            ".rampart.yaml:6:12: unknown key 'namespace' in webhook.exempt; did you mean 'namespaces'?",
            ".rampart.yaml:9:18: 'podSecurity' must be one of privileged, baseline, restricted, not 'strict'",
        ])
        #expect(audit.failOn == .high)
        let (served, serveErrors) = webhook(text)
        #expect(serveErrors == errors)
        #expect(served.policy.failOn == .high)
    }

    @Test func webhookValuesOfTheWrongTypeAreErrors() {
        let (parsed, errors) = webhook("""
            kind: Config
            webhook:
              exempt:
                users: ops@example.com
                groups: [platform-admins, {name: sre}]
              namespaces:
              - names: team-a
                mode: warn
              - name: legacy
                labels: privileged
                annotationExceptions: sometimes
              - sandbox
            """)
        #expect(errors.map(\.description) == [
            ".rampart.yaml:4:12: 'exempt.users' must be a list, not 'ops@example.com'",
            ".rampart.yaml:5:31: an entry of 'exempt.groups' must be a non-empty string, not a mapping",
            ".rampart.yaml:7:12: 'names' of a namespace entry must be a list, not 'team-a'",
            ".rampart.yaml:10:13: 'labels' of a namespace entry must be a mapping, not 'privileged'",
            ".rampart.yaml:11:27: 'annotationExceptions' of a namespace entry must be true or false, not 'sometimes'",
            ".rampart.yaml:12:5: namespace entry must be a mapping with 'name' or 'names', not 'sandbox'",
        ])
        #expect(parsed.exemptGroups == ["platform-admins"])
        #expect(parsed.namespaces.map(\.names) == [["legacy"]])

        let (_, notAMapping) = config("kind: Config\nwebhook: enforce\n")
        #expect(notAMapping.map(\.description) == [".rampart.yaml:2:10: 'webhook' must be a mapping, not 'enforce'"])
    }

    // MARK: Rules

    @Test func ruleEntriesOfTheWrongTypeAreErrors() {
        let (parsed, errors) = config("""
            kind: Config
            rules:
              images.no-digest: false
              images.latest-tag: high
              exposure.node-port: {enabled: nope}
              exposure.load-balancer: {severity: urgent}
              exposure.external-ips: {enabled: "false"}
              images.pull-policy: {enabled: false}
            """)
        #expect(errors.map(\.description) == [
            ".rampart.yaml:3:21: rule 'images.no-digest' must be a mapping with 'enabled' or 'severity', not 'false'; did you mean '{enabled: false}'?",
            ".rampart.yaml:4:22: rule 'images.latest-tag' must be a mapping with 'enabled' or 'severity', not 'high'; did you mean '{severity: high}'?",
            ".rampart.yaml:5:33: 'enabled' of rule 'exposure.node-port' must be true or false, not 'nope'",
            ".rampart.yaml:6:38: 'severity' of rule 'exposure.load-balancer' must be one of critical, high, medium, low, info, not 'urgent'",
            ".rampart.yaml:7:36: 'enabled' of rule 'exposure.external-ips' must be true or false, not the quoted string \"false\"",
        ])
        // Only the valid entry applies; the others keep the catalog's defaults (and stop the command).
        #expect(parsed.rules.keys.sorted() == ["images.pull-policy"])
        #expect(parsed.rules["images.pull-policy"]?.enabled == false)
    }

    @Test func rulesThatAreNotAMappingAreAnError() {
        let (_, errors) = config("kind: Config\nrules: [images.no-digest]\n")
        #expect(errors.map(\.description) == [".rampart.yaml:2:8: 'rules' must be a mapping, not a list"])
    }

    @Test func unknownRuleIDsSuggestTheNearestCatalogID() {
        let (parsed, errors) = config("""
            kind: Config
            rules:
              images.no-digets: {enabled: false}
              pss.privilege: {severity: low}
              made.up: {enabled: false}
            exceptions:
            - rule: exposure.loadbalancer
              reason: the single public entry point
            - rule: "*"
              namespace: kube-system
              reason: the platform's own namespace
            """)
        #expect(errors.map(\.description) == [
            ".rampart.yaml:3:3: unknown rule 'images.no-digets'; did you mean 'images.no-digest'?",
            ".rampart.yaml:4:3: unknown rule 'pss.privilege'; did you mean 'pss.privileged'?",
            ".rampart.yaml:5:3: unknown rule 'made.up' (`rampart rules` lists the catalog)",
            ".rampart.yaml:7:9: exception for unknown rule 'exposure.loadbalancer'; did you mean 'exposure.load-balancer'?",
        ])
        #expect(parsed.rules.isEmpty)
        #expect(parsed.exceptions.map(\.rule) == ["*"])
    }

    // MARK: Top-level values

    @Test func topLevelValuesOfTheWrongTypeAreErrors() {
        let (parsed, errors) = config("""
            kind: Config
            failOn: [high]
            registries: registry.example.com
            platformNamespaces: {ingress: nginx}
            annotationExceptions: sometimes
            exceptions: {rule: exposure.node-port, reason: legacy}
            """)
        #expect(errors.map(\.description) == [
            ".rampart.yaml:2:9: 'failOn' must be one of critical, high, medium, low, info, not a list",
            ".rampart.yaml:3:13: 'registries' must be a list, not 'registry.example.com'",
            ".rampart.yaml:4:21: 'platformNamespaces' must be a list, not a mapping",
            ".rampart.yaml:5:23: 'annotationExceptions' must be true or false, not 'sometimes'",
            ".rampart.yaml:6:13: 'exceptions' must be a list, not a mapping",
        ])
        #expect(parsed.failOn == nil)
        #expect(parsed.settings.allowedRegistries.isEmpty)
    }

    @Test func registryEntriesMustBeStrings() {
        let (parsed, errors) = config("""
            kind: Config
            registries:
            - registry.example.com
            - {host: ghcr.io}
            - ""
            """)
        #expect(errors.map(\.description) == [
            ".rampart.yaml:4:3: an entry of 'registries' must be a non-empty string, not a mapping",
            ".rampart.yaml:5:3: an entry of 'registries' must be a non-empty string, not the quoted string \"\"",
        ])
        #expect(parsed.settings.allowedRegistries == ["registry.example.com"])
    }

    @Test func emptyCollectionsReadAsNothing() {
        let (parsed, errors) = config("""
            kind: Config
            rules:
            registries: []
            platformNamespaces:
            exceptions:
            webhook:
            """)
        #expect(errors.isEmpty, "\(errors.map(\.description))")
        #expect(parsed.rules.isEmpty)
        #expect(parsed.settings.platformNamespaces == RuleSettings.defaultPlatformNamespaces)
    }

    // MARK: Exceptions

    @Test func malformedExceptionsAreErrorsAndDropped() {
        let (parsed, errors) = config("""
            kind: Config
            exceptions:
            - rule: ""
              reason: blank rule
            - rule: exposure.node-port
              reason: "   "
            - rule: exposure.node-port
              reason: not a day of the calendar
              expires: 2027-02-29
            - rule: exposure.node-port
              reason: a date left out would make it permanent
              expires:
            - rule: exposure.node-port
              reason: a list would otherwise widen it to every namespace
              namespace: [team-a, team-b]
            - exposure.node-port
            - namespace: team-a
            - rule: exposure.node-port
              reason: still valid
              expires: 2028-02-29
            """)
        #expect(errors.map(\.description) == [
            ".rampart.yaml:3:9: exception with an empty 'rule'",
            ".rampart.yaml:6:11: exception for 'exposure.node-port' needs a 'reason'",
            ".rampart.yaml:9:12: expiry '2027-02-29' is not a date (YYYY-MM-DD)",
            ".rampart.yaml:12:11: expiry must be a date (YYYY-MM-DD), not an empty value",
            ".rampart.yaml:15:14: 'namespace' of an exception must be a non-empty string, not a list",
            ".rampart.yaml:16:3: exception must be a mapping with 'rule' and 'reason', not 'exposure.node-port'",
            ".rampart.yaml:17:3: exception without 'rule'",
            ".rampart.yaml:17:3: exception needs a 'reason'",
        ])
        #expect(parsed.exceptions.map(\.line) == [18])
    }

    @Test func expiryDatesAreDaysOfTheCalendar() {
        for good in ["2027-06-30", "2028-02-29", "2000-02-29", "2027-12-31"] {
            let (_, errors) = config("kind: Config\nexceptions:\n- {rule: '*', reason: r, expires: \(good)}\n")
            #expect(errors.isEmpty, "\(good): \(errors.map(\.description))")
        }
        for bad in ["2027-02-29", "1900-02-29", "2027-04-31", "2027-13-01", "2027-00-10", "2027-6-30", "+027-06-30",
                    "next week", "2027-06-30T00:00:00Z", "'2027-06-30 '"] {
            let (parsed, errors) = config("kind: Config\nexceptions:\n- {rule: '*', reason: r, expires: \(bad)}\n")
            #expect(errors.count == 1, "\(bad)")
            #expect(parsed.exceptions.isEmpty, "\(bad)")
        }
    }
}
