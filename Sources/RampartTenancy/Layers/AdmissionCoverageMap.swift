import RampartClusterAdmission

/// One cell of a tenant's admission coverage map: whether anything rejects one control's probe in
/// one of its namespaces, and what answers for it.
public struct CoverageCell: Sendable, Hashable, Codable {
    /// How a control stands at admission.
    public enum Status: String, Sendable, Hashable, Codable {
        /// Something rejects it (Pod Security enforce, a Deny-bound ValidatingAdmissionPolicy).
        case enforced
        /// A webhook sees it, whose decision is not known offline.
        case unknown
        /// Only warned about or audited.
        case reported
        /// Nothing answers for it.
        case none
    }

    public var namespace: String
    public var control: CoverageControl
    public var status: Status
    /// Each enforcer, in words.
    public var by: [String]

    init(_ coverage: NamespaceCoverage, _ control: CoverageControl) {
        namespace = coverage.namespace
        self.control = control
        let enforcers = coverage.controls[control, default: []]
        by = enforcers.map(\.description)
        if enforcers.contains(where: \.rejects) {
            status = .enforced
        } else if enforcers.contains(where: { if case .webhook = $0 { true } else { false } }) {
            status = .unknown
        } else {
            status = enforcers.isEmpty ? .none : .reported
        }
    }

    /// The cells of every control in every namespace of a tenant.
    static func map(_ namespaces: [String], _ coverage: AdmissionCoverage) -> [CoverageCell] {
        namespaces.flatMap { namespace in
            let answers = coverage.coverage(of: namespace)
            return CoverageControl.allCases.map { CoverageCell(answers, $0) }
        }
    }
}
