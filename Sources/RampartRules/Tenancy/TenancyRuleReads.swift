import RampartModel
import RampartTenancy

extension TenancyGapRule {
    /// Every tenancy rule reports gaps of the one tenancy verdict, so each reads what it reads.
    public var reads: Set<ResourceKind> { TenancyAnalysis.reads }
}
