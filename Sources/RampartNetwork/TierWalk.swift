/// What one side of a connection decides (the source's egress or the destination's ingress), over
/// every protocol and port: what is allowed, and what Rampart cannot decide. The rest is denied.
struct SideOutcome: Sendable {
    var allowed: ConnectionSet = .none
    var unknown: ConnectionSet = .none
}

/// One step of a side's decision, for explanations: the connections a rule, or a tier's default, decided.
struct DecisionStep: Sendable {
    enum Verdict: Sendable {
        case allowed, denied, passed
        case unknown(String)
    }

    let connections: ConnectionSet
    let verdict: Verdict
    /// Index into `rules`; nil for a default (isolation, or allow when no tier decides).
    let rule: Int?
    let reason: String
}

/// The connections still open in one tier, and what the tier decided so far.
private struct TierState {
    var remaining: ConnectionSet
    var allowed = ConnectionSet.none
    var passed = ConnectionSet.none
    var unknown = ConnectionSet.none
    var steps: [DecisionStep] = []

    /// Everything decided from `start` on that is neither allowed, passed nor unknown.
    func denied(from start: ConnectionSet) -> ConnectionSet {
        start.subtracting(remaining).subtracting(allowed).subtracting(passed).subtracting(unknown)
    }
}

/// Whether a rule's peers match the other end of a connection.
private enum RuleMatch {
    case match
    case maybe(String)
}

extension NetworkAnalysis {
    /// Decides `direction` of group `subject` towards `peer` by the tiers: admin rules by precedence
    /// (first match decides; Pass hands over to the next tier), then the application tier (isolated:
    /// what no rule allows is denied), then the baseline tier, then allow. `trace` receives the steps.
    func resolve(_ direction: TrafficDirection, subject: Int, peer: GroupEndpoint,
                 trace: ((DecisionStep) -> Void)? = nil) -> SideOutcome {
        let runs = groups[subject].runs[direction] ?? []
        let destination: Int?
        switch peer {
        case .group(let group): destination = direction == .ingress ? subject : group
        case .external: destination = direction == .ingress ? subject : nil
        }
        var outcome = SideOutcome()
        var undecided = ConnectionSet.all
        var position = 0
        for tier in PolicyTier.allCases {
            var state = TierState(remaining: undecided)
            while position < runs.count, runs[position].tier == tier {
                let run = runs[position]
                position += 1
                guard !state.remaining.isEmpty else { continue }
                switch run.kind {
                case .action(let action):
                    apply(run.rules, action, peer: peer, destination: destination, to: &state, tracing: trace != nil)
                case .tied:
                    applyTied(run.rules, peer: peer, destination: destination, to: &state)
                }
            }
            if tier == .application, isIsolated(subject, direction), !state.remaining.isEmpty {
                if trace != nil {
                    let isolating = (groups[subject].policies[direction] ?? []).map { allPolicies[$0].id }
                    state.steps.append(DecisionStep(connections: state.remaining, verdict: .denied, rule: nil,
                                                    reason: "isolated by \(isolating.joined(separator: ", ")) and no \(direction.rawValue) rule allows it"))
                }
                state.remaining = .none
            }
            outcome.allowed = outcome.allowed.union(state.allowed)
            outcome.unknown = outcome.unknown.union(state.unknown)
            state.steps.forEach { trace?($0) }
            undecided = state.remaining.union(state.passed)
            if undecided.isEmpty { break }
        }
        if !undecided.isEmpty {
            outcome.allowed = outcome.allowed.union(undecided)
            trace?(DecisionStep(connections: undecided, verdict: .allowed, rule: nil, reason: "no rule decides it: allowed by default"))
        }
        return outcome
    }

    private func match(_ rule: IndexedRule, _ peer: GroupEndpoint) -> RuleMatch? {
        switch peer {
        case .group(let group):
            return rule.peerGroups?.contains(group) ?? true ? .match : nil
        case .external(let address):
            if rule.externalAddresses.contains(address) { return .match }
            return rule.unknownExternal.map { .maybe($0) }
        }
    }

    /// Applies rules that share one action to the connections still open in the tier: what some rule
    /// surely matches is decided by the action; what only a rule that may match covers is unknown.
    private func apply(_ run: ArraySlice<Int>, _ action: RuleAction, peer: GroupEndpoint, destination: Int?,
                       to state: inout TierState, tracing: Bool) {
        var matched = ConnectionSet.none
        var maybe = ConnectionSet.none
        var matching: [(rule: Int, sure: Bool, connections: ConnectionSet)] = []
        for index in run {
            let rule = rules[index]
            guard let match = match(rule, peer) else { continue }
            let connections = self.connections(of: rule, at: destination)
            if case .match = match { matched = matched.union(connections) } else { maybe = maybe.union(connections) }
            if tracing { matching.append((index, { if case .match = match { true } else { false } }(), connections)) }
        }
        let decided = matched.intersection(state.remaining)
        let unknown = maybe.subtracting(matched).intersection(state.remaining)
        guard !decided.isEmpty || !unknown.isEmpty else { return }
        state.remaining = state.remaining.subtracting(decided).subtracting(unknown)
        state.unknown = state.unknown.union(unknown)
        switch action {
        case .allow: state.allowed = state.allowed.union(decided)
        case .deny: break
        case .pass: state.passed = state.passed.union(decided)
        }
        guard tracing else { return }
        var attributed = ConnectionSet.none
        for entry in matching where entry.sure {
            let piece = entry.connections.intersection(decided).subtracting(attributed)
            attributed = attributed.union(piece)
            let verdict: DecisionStep.Verdict = action == .allow ? .allowed : action == .deny ? .denied : .passed
            if !piece.isEmpty { state.steps.append(DecisionStep(connections: piece, verdict: verdict, rule: entry.rule, reason: "")) }
        }
        for entry in matching where !entry.sure {
            let piece = entry.connections.intersection(unknown).subtracting(attributed)
            attributed = attributed.union(piece)
            let reason = rules[entry.rule].unknownExternal ?? ""
            if !piece.isEmpty {
                state.steps.append(DecisionStep(connections: piece, verdict: .unknown("\(reason), and \(action.rawValue) would decide it"),
                                                rule: entry.rule, reason: ""))
            }
        }
    }

    /// Applies a level of rules from several policies of equal precedence whose order is undefined:
    /// each policy alone, then what they decide alike stands and what they decide differently is unknown.
    private func applyTied(_ level: ArraySlice<Int>, peer: GroupEndpoint, destination: Int?, to state: inout TierState) {
        let start = state.remaining
        var byPolicy: [Int: TierState] = [:]
        var order: [Int] = []
        for index in level {
            let policy = rules[index].policy
            if byPolicy[policy] == nil { order.append(policy) }
            apply(ArraySlice([index]), rules[index].rule.action, peer: peer, destination: destination,
                  to: &byPolicy[policy, default: TierState(remaining: start)], tracing: true)
        }
        let states = order.compactMap { byPolicy[$0] }
        let allowed = states.reduce(ConnectionSet.none) { $0.union($1.allowed) }
        let passed = states.reduce(ConnectionSet.none) { $0.union($1.passed) }
        let denied = states.reduce(ConnectionSet.none) { $0.union($1.denied(from: start)) }
        let unknown = states.reduce(ConnectionSet.none) { $0.union($1.unknown) }
        let conflict = allowed.intersection(denied).union(allowed.intersection(passed)).union(denied.intersection(passed))
        for policyState in states {
            for step in policyState.steps {
                let kept = step.connections.subtracting(conflict)
                if !kept.isEmpty { state.steps.append(DecisionStep(connections: kept, verdict: step.verdict, rule: step.rule, reason: step.reason)) }
            }
        }
        if !conflict.isEmpty {
            let names = order.map { allPolicies[$0].id }.joined(separator: ", ")
            state.steps.append(DecisionStep(
                connections: conflict, verdict: .unknown("\(names) share priority \(allPolicies[order[0]].precedenceText) and decide this differently; the implementation may apply either"),
                rule: nil, reason: ""))
        }
        state.allowed = state.allowed.union(allowed.subtracting(conflict))
        state.passed = state.passed.union(passed.subtracting(conflict))
        state.unknown = state.unknown.union(unknown).union(conflict)
        state.remaining = start.subtracting(allowed).subtracting(passed).subtracting(denied).subtracting(unknown)
    }
}
