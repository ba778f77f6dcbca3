import RampartModel

/// Collects the evidence of one layer of one tenant and works out its ceiling and status.
struct LayerBuilder {
    let layer: TenancyLayer
    let tenant: Tenant
    private(set) var evidence: [Evidence] = []
    private(set) var ceiling: IsolationLevel = .hard
    /// Gaps found on the way, reported by `tenancy.*` rules.
    private(set) var gaps: [TenancyGap] = []

    init(_ layer: TenancyLayer, _ tenant: Tenant) {
        self.layer = layer
        self.tenant = tenant
    }

    var required: IsolationLevel { tenant.spec.requiredIsolation }

    /// A fact that holds the tenant's isolation.
    mutating func pass(_ message: String, _ object: KubeObject? = nil, _ path: FieldPath = FieldPath(), rules: [ReportingRule] = []) {
        add(.pass, message, object, path, rules: rules, chargedTo: nil)
    }

    /// A concern that does not lower the isolation level (or that another tenant must fix).
    /// A fact shown neutrally: neither met nor a problem (the platform's own access, for instance).
    mutating func note(_ message: String, _ object: KubeObject? = nil, _ path: FieldPath = FieldPath()) {
        add(.note, message, object, path, rules: [], chargedTo: nil)
    }

    mutating func warn(_ message: String, _ object: KubeObject? = nil, _ path: FieldPath = FieldPath(), rules: [ReportingRule] = [],
                       chargedTo: String? = nil) {
        add(.warn, message, object, path, rules: rules, chargedTo: chargedTo)
    }

    /// A fact that keeps the tenant at `level` at most: a failure when that is below what it requires.
    /// Returns true when it is a failure.
    @discardableResult
    mutating func limit(to level: IsolationLevel, _ message: String, _ object: KubeObject? = nil, _ path: FieldPath = FieldPath(),
                        rules: [ReportingRule] = []) -> Bool {
        ceiling = min(ceiling, level)
        let failed = level < required
        add(failed ? .fail : .pass, message, object, path, rules: rules, chargedTo: nil)
        return failed
    }

    /// A gap that keeps the tenant at `level` at most: a failure when that is below what it requires,
    /// else a warning (where `limit` states a fact that holds when the tenant requires no more).
    mutating func cap(to level: IsolationLevel, _ message: String, _ object: KubeObject? = nil, _ path: FieldPath = FieldPath(),
                      rules: [ReportingRule] = []) {
        ceiling = min(ceiling, level)
        add(level < required ? .fail : .warn, message, object, path, rules: rules, chargedTo: nil)
    }

    /// Where a gap of the tenant on `object`, at `path`, goes.
    func site(_ object: KubeObject, _ path: FieldPath) -> TenancyGap.Site {
        TenancyGap.Site(tenant: tenant.name, object: object, path: path)
    }

    /// Records a gap of the tenant.
    mutating func report(_ gap: TenancyGap) {
        gaps.append(gap)
    }

    private mutating func add(_ status: VerdictStatus, _ message: String, _ object: KubeObject?, _ path: FieldPath,
                              rules: [ReportingRule], chargedTo: String?) {
        evidence.append(Evidence(status: status, message: message, object: object?.reference,
                                 location: object?.location(of: path), reportedBy: rules, chargedTo: chargedTo))
    }

    var verdict: LayerVerdict {
        let worst = evidence.map(\.status).max() ?? .pass
        let status: VerdictStatus = ceiling < required ? .fail : (worst > .pass ? .warn : .pass)
        let sorted = evidence.sorted { ($0.status, $1.message) > ($1.status, $0.message) }
        return LayerVerdict(layer: layer, status: status, ceiling: ceiling, evidence: sorted)
    }
}
