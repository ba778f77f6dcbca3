import Foundation
import RampartLoading
import RampartModel
import RampartRules
import RampartTenancy
import TestSupport

/// The example cluster and tenancy file of the repository, loaded for the tests.
enum Example {
    static let directory = Fixtures.repositoryRoot.appendingPathComponent("examples")

    /// Objects of the example cluster's files whose names start with one of `prefixes` (all files when empty).
    static func objects(_ prefixes: [String] = []) -> [KubeObject] {
        Fixtures.files(under: directory.appendingPathComponent("cluster"))
            .filter { url in prefixes.isEmpty || prefixes.contains { url.lastPathComponent.hasPrefix($0) } }
            .flatMap { url -> [KubeObject] in
                guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
                return ManifestLoader.load(Array(data), file: "examples/cluster/" + url.lastPathComponent).objects
            }
    }

    /// The example tenancy file's model.
    static var model: TenancyModel? {
        guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent("tenancy.yaml").path),
              let root = ManifestLoader.load(Array(data), file: "examples/tenancy.yaml").objects.first?.root else { return nil }
        return TenancyFile.parse(root, file: "examples/tenancy.yaml").0
    }

    /// The audit context of `objects`, with the tenancy `model` when given.
    static func context(_ objects: [KubeObject], model: TenancyModel?) -> AuditContext {
        var settings = RuleSettings()
        settings.platformNamespaces.formUnion(model?.platformNamespaces ?? ["ingress-nginx", "cert-manager", "monitoring"])
        let context = AuditContext(inventory: Inventory(objects: objects), settings: settings)
        if let model { context.useTenancy(model) }
        return context
    }
}

extension TenancyReport {
    func verdict(_ tenant: String) -> TenantVerdict? { verdicts.first { $0.tenant == tenant } }
}

extension TenantVerdict {
    func status(_ layer: TenancyLayer) -> VerdictStatus? { layers.first { $0.layer == layer }?.status }
}
