/// Generates a synthetic multi-tenant cluster dump: platform namespaces first, then tenants until full.
///
/// About one workload in six carries planted misconfigurations, more in untrusted tenants and in
/// namespaces whose owners are not careful. The same seed and count always give the same bytes.
struct ClusterGenerator {
    var rng: SplitMix64
    let sink: ObjectSink

    init(seed: UInt64, sink: ObjectSink) {
        rng = SplitMix64(seed: seed)
        self.sink = sink
    }

    /// How the objects after the platform are spread over tenants.
    enum Layout {
        /// Tenants of 1-3 namespaces of 8-30 applications each, until full.
        case drawn
        /// Exactly this many single-namespace tenants, each with an equal share of the objects.
        case namespaces(Int)
    }

    /// How one tenant namespace is filled with applications.
    private enum Fill {
        /// 8-30 applications.
        case drawn
        /// Applications until the sink holds this many objects.
        case until(Int)
    }

    /// Fills the sink and flushes it.
    mutating func run(_ layout: Layout = .drawn) {
        platform()
        let start = sink.count
        var teams = 0
        var customers = 0
        var index = 0
        tenants: while !sink.isFull {
            let fill: Fill
            switch layout {
            case .drawn: fill = .drawn
            case .namespaces(let count):
                guard index < count else { break tenants }
                fill = .until(start + (sink.capacity - start) * (index + 1) / count)
            }
            if rng.chance(0.25) {
                tenant(named: Self.name(Vocabulary.customerWords, customers), prefix: "customer-", trusted: false, fill: fill)
                customers += 1
            } else {
                tenant(named: Self.name(Vocabulary.tenantWords, teams), prefix: "team-", trusted: true, fill: fill)
                teams += 1
            }
            index += 1
        }
        sink.flush()
    }

    private mutating func tenant(named tenant: String, prefix: String, trusted: Bool, fill: Fill) {
        let careful = rng.chance(trusted ? 0.6 : 0.4)
        tenantClusterRoles(tenant, trusted: trusted)
        let namespaces: Int
        switch fill {
        case .drawn: namespaces = rng.int(1...3)
        case .until: namespaces = 1
        }
        for suffix in Vocabulary.namespaceSuffixes.prefix(namespaces) where !sink.isFull {
            let plan = NamespacePlan(name: prefix + tenant + "-" + suffix, tenant: tenant, trusted: trusted, careful: careful)
            namespaceObjects(plan)
            let offset = rng.int(0...Vocabulary.appWords.count - 1)
            let application = { (generator: inout ClusterGenerator, index: Int) in
                let name = Self.name(Vocabulary.appWords, index + offset)
                generator.application(generator.appPlan(plan, name: name), kind: generator.weightedKind())
            }
            switch fill {
            case .drawn:
                for index in 0..<rng.int(8...30) where !sink.isFull { application(&self, index) }
            case .until(let end):
                var index = 0
                while sink.count < end, !sink.isFull {
                    application(&self, index)
                    index += 1
                }
            }
        }
    }

    /// Emits an application: its supporting objects, then its workload.
    mutating func application(_ app: AppPlan, kind: WorkloadKind) {
        supportingObjects(app, kind: kind)
        workload(app, kind: kind)
    }

    /// Plans an application in `namespace`, planting faults at the namespace's rate.
    mutating func appPlan(_ namespace: NamespacePlan, name: String, faults planted: Set<Fault> = []) -> AppPlan {
        let rate = namespace.trusted ? (namespace.careful ? 0.1 : 0.2) : 0.3
        var faults = planted
        if planted.isEmpty, rng.chance(rate) {
            for _ in 0..<rng.int(1...3) { faults.insert(rng.pick(Fault.allCases)) }
        }
        let dedicatedAccount = !faults.contains(.defaultServiceAccount) && (namespace.careful || rng.chance(0.5))
        return AppPlan(
            name: name, namespace: namespace, faults: faults,
            serviceAccount: dedicatedAccount ? name : nil,
            configMap: rng.chance(0.85) ? name + "-config" : nil,
            secret: rng.chance(0.65) ? name + "-credentials" : nil,
            port: rng.pick([8080, 8443, 3000, 9090, 5000])
        )
    }

    private mutating func weightedKind() -> WorkloadKind {
        var draw = rng.int(1...WorkloadKind.weights.reduce(0, +))
        for (kind, weight) in zip(WorkloadKind.allCases, WorkloadKind.weights) {
            draw -= weight
            if draw <= 0 { return kind }
        }
        return .deployment
    }

    /// The `index`th name from `words`, numbered once the words run out.
    static func name(_ words: [String], _ index: Int) -> String {
        let word = words[index % words.count]
        let round = index / words.count
        return round == 0 ? word : "\(word)-\(round + 1)"
    }
}
