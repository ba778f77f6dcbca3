/// A version of the CIS Kubernetes Benchmark, whose numbers the findings' standards show
/// (`--benchmark`). The rules write their CIS references in the numbering of `standard` (v1.10);
/// `CISNumbering` says how every other version numbers the same controls.
public enum CISBenchmark: String, Sendable, CaseIterable {
    /// v1.10 (Kubernetes 1.28): the numbering the rules are written in.
    case v1_10 = "cis-1.10"
    /// v1.11 (Kubernetes 1.29–1.31): section 5.7 became 5.6.
    case v1_11 = "cis-1.11"
    /// v1.12 (Kubernetes 1.32–1.34): "added capabilities" (5.2.9) was dropped and 5.2.10–5.2.13 moved up by one.
    case v1_12 = "cis-1.12"
    /// v2.0 (v2.0.1: Kubernetes 1.34–1.35): the checks of v1.12, unchanged.
    case v2_0 = "cis-2.0"

    /// The benchmark findings are numbered by when none is chosen: the one the rules are written in.
    public static let standard = CISBenchmark.v1_10

    /// `CIS v1.12`: how a reference names its benchmark version.
    public var label: String { "CIS v" + rawValue.dropFirst("cis-".count) }

    /// How this version numbers each control, keyed by the rules' own reference.
    var numbers: [String: String?] {
        switch self {
        case .v1_10: CISNumbering.v1_10
        case .v1_11: CISNumbering.v1_11
        case .v1_12: CISNumbering.v1_12
        case .v2_0: CISNumbering.v2_0
        }
    }

    /// The standards of a rule as this version numbers them: each `CIS n` reference of the catalog
    /// becomes `CIS vX.Y m`, or is left out where this version has no such control; any other
    /// reference (PSS, NSA/CISA, a custom rule's own text) stays as written.
    public func number(_ standards: [String]) -> [String] {
        standards.compactMap { reference -> String? in
            guard reference.hasPrefix(Self.prefix), let number = numbers[String(reference.dropFirst(Self.prefix.count))] else { return reference }
            return number.map { "\(label) \($0)" }
        }
    }

    /// What starts a CIS reference in the rules' standards.
    static let prefix = "CIS "
}

extension RuleMetadata {
    /// This rule's metadata with its CIS references numbered by `benchmark`.
    public func numbered(by benchmark: CISBenchmark) -> RuleMetadata {
        var numbered = self
        numbered.standards = benchmark.number(standards)
        return numbered
    }
}
