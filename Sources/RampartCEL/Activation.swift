/// The state of one evaluation: variable slots (bindings, then comprehension variables) and the cost spent.
final class Activation {
    var slots: [CELValue?]
    private(set) var cost = 0
    let costLimit: Int

    init(slotCount: Int, costLimit: Int) {
        slots = Array(repeating: nil, count: slotCount)
        self.costLimit = costLimit
    }

    /// Spends cost units; past the limit the evaluation stops with an error no operator absorbs.
    @inline(__always)
    func spend(_ units: Int) throws(CELEvaluationError) {
        cost &+= units
        if cost > costLimit { throw CELEvaluationError.costLimitExceeded }
    }
}

/// Cost accounting as the Kubernetes API server applies it.
public enum CELCost {
    /// The API server's per-expression runtime cost limit (apiextensions PerCallLimit).
    public static let perCallLimit = 1_000_000
    /// The largest estimated cost the API server accepts for one expression where it estimates
    /// before storing (apiextensions `StaticEstimatedCostLimit`, for CRD validation rules).
    public static let estimatedCostLimit: UInt64 = 10_000_000
}
