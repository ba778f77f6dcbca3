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
        let indices = groups[subject].rules[direction] ?? []
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
            while position < indices.count, rules[indices[position]].tier == tier {
                let end = levelEnd(indices, from: position)
                if !state.remaining.isEmpty {
                    let level = indices[position..<end]
                    if Set(level.map { rules[$0].policy }).count > 1 {
                        applyTied(level, peer: peer, destination: destination, to: &state)
                    } else {
                        for index in level { apply(index, peer: peer, destination: destination, to: &state) }
                    }
                }
                position = end
            }
            if tier == .application, isIsolated(subject, direction), !state.remaining.isEmpty {
                let isolating = (groups[subject].policies[direction] ?? []).map { allPolicies[$0].id }
                state.steps.append(DecisionStep(connections: state.remaining, verdict: .denied, rule: nil,
                                                reason: "isolated by \(isolating.joined(separator: ", ")) and no \(direction.rawValue) rule allows it"))
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
            trace?(DecisionStep(connections: undecided, verdict: .allowed, rule: nil,
                                reason: indices.isEmpty && !isIsolated(subject, direction)
                                    ? "no policy selects the pod for \(direction.rawValue): not isolated"
                                    : "no rule decides it: allowed by default"))
        }
        return outcome
    }

    /// The end of the run of rules from `start` that share its tier and precedence when ties there are
    /// ambiguous (a level whose policies have no order between them); else just past `start`'s policy.
    private func levelEnd(_ indices: [Int], from start: Int) -> Int {
        let first = rules[indices[start]]
        var end = start + 1
        while end < indices.count {
            let next = rules[indices[end]]
            let sameLevel = next.tier == first.tier && next.precedence == first.precedence
            guard sameLevel && (first.tiesAreAmbiguous || next.policy == first.policy) else { break }
            end += 1
        }
        return end
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

    /// Applies rule `index` to the connections still open in the tier.
    private func apply(_ index: Int, peer: GroupEndpoint, destination: Int?, to state: inout TierState) {
        let rule = rules[index]
        guard let match = match(rule, peer) else { return }
        let matched = connections(of: rule, at: destination).intersection(state.remaining)
        guard !matched.isEmpty else { return }
        state.remaining = state.remaining.subtracting(matched)
        let verdict: DecisionStep.Verdict
        if case .maybe(let reason) = match {
            state.unknown = state.unknown.union(matched)
            verdict = .unknown("\(reason), and \(rule.rule.action.rawValue) would decide it")
        } else {
            switch rule.rule.action {
            case .allow:
                state.allowed = state.allowed.union(matched)
                verdict = .allowed
            case .deny:
                verdict = .denied
            case .pass:
                state.passed = state.passed.union(matched)
                verdict = .passed
            }
        }
        state.steps.append(DecisionStep(connections: matched, verdict: verdict, rule: index, reason: ""))
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
            apply(index, peer: peer, destination: destination, to: &byPolicy[policy, default: TierState(remaining: start)])
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
