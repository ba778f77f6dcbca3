// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Rampart",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "rampart", targets: ["rampart"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // Core: values with source marks, typed views, the inventory. Foundation only.
        .target(name: "RampartModel"),
        // YAML/JSON bytes → values with marks (libyaml events through Yams' CYaml). No file I/O.
        .target(name: "RampartLoading", dependencies: ["RampartModel", .product(name: "Yams", package: "Yams")]),
        // Engines: pure functions of the model.
        .target(name: "RampartPSS", dependencies: ["RampartModel"]),
        .target(name: "RampartRBAC", dependencies: ["RampartModel"]),
        .target(name: "RampartNetwork", dependencies: ["RampartModel"]),
        .target(name: "RampartControlPlane", dependencies: ["RampartModel"]),
        // The Common Expression Language with the Kubernetes libraries: parse, check, evaluate. Foundation only.
        .target(name: "RampartCEL"),
        // The cluster's own admission evaluated offline: ValidatingAdmissionPolicies (CEL) and Pod Security.
        .target(name: "RampartClusterAdmission", dependencies: ["RampartModel", "RampartCEL", "RampartPSS"]),
        .target(name: "RampartTenancy", dependencies: [
            "RampartModel", "RampartPSS", "RampartRBAC", "RampartNetwork", "RampartClusterAdmission",
        ]),
        // The rule catalog and the audit over an inventory.
        .target(name: "RampartRules", dependencies: [
            "RampartModel", "RampartClusterAdmission", "RampartPSS", "RampartRBAC", "RampartNetwork", "RampartControlPlane", "RampartTenancy",
            "RampartCEL",
        ]),
        // Rampart's one-object rules (catalog and custom) as ValidatingAdmissionPolicies with their bindings.
        .target(name: "RampartExport", dependencies: ["RampartModel", "RampartPSS", "RampartRules", "RampartTenancy", "RampartClusterAdmission"]),
        // Configuration, exceptions, baselines: what a platform team decides about findings.
        .target(name: "RampartPolicy", dependencies: ["RampartModel", "RampartLoading", "RampartRules", "RampartCEL", "RampartTenancy"]),
        // Reports and their renderers: the audit (text, JSON, SARIF, JUnit), the tenancy verdict (HTML too),
        // and the answers of pss, rbac and netpol.
        .target(name: "RampartReport", dependencies: [
            "RampartModel", "RampartClusterAdmission", "RampartLoading", "RampartPSS", "RampartRBAC", "RampartNetwork", "RampartRules", "RampartPolicy",
            "RampartTenancy",
        ]),
        // The admission decision: a pure function AdmissionRequest → AdmissionResponse.
        .target(name: "RampartAdmission", dependencies: [
            "RampartModel", "RampartRules", "RampartPSS", "RampartPolicy",
        ]),
        // Adapter: the HTTPS webhook server (Hummingbird), metrics, certificates.
        .target(name: "RampartServer", dependencies: [
            "RampartModel", "RampartAdmission",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "HummingbirdTLS", package: "hummingbird"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "X509", package: "swift-certificates"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Prometheus", package: "swift-prometheus"),
        ]),
        // Adapter: the Kubernetes API client (async-http-client) and kubeconfig; it lists what the catalog's rules read.
        .target(name: "RampartKube", dependencies: [
            "RampartModel", "RampartLoading", "RampartControlPlane", "RampartRules",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // Adapter: the command line (file system, stdin, exit codes).
        .executableTarget(name: "rampart", dependencies: [
            "RampartModel", "RampartLoading", "RampartPSS", "RampartRBAC", "RampartNetwork", "RampartControlPlane",
            "RampartTenancy", "RampartRules", "RampartPolicy", "RampartReport", "RampartAdmission", "RampartServer",
            "RampartKube", "RampartClusterAdmission", "RampartCEL", "RampartExport",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Benchmarks: a generator of synthetic multi-tenant clusters and the libyaml floor.
        .executableTarget(name: "rampart-bench", dependencies: ["RampartModel", "RampartLoading", "RampartAdmission", "RampartPolicy", .product(name: "Yams", package: "Yams")],
                          path: "bench/Sources/rampart-bench"),
        // Benchmark: CEL evaluation and whole ValidatingAdmissionPolicy decisions.
        .executableTarget(name: "cel-bench", dependencies: ["RampartCEL", "RampartClusterAdmission", "RampartLoading", "RampartModel"],
                          path: "bench/Sources/cel-bench"),

        .target(name: "TestSupport", dependencies: ["RampartModel", "RampartLoading"], path: "Tests/TestSupport"),
        .testTarget(name: "RampartModelTests", dependencies: ["RampartModel", "RampartLoading", "TestSupport"]),
        .testTarget(name: "RampartLoadingTests", dependencies: ["RampartLoading", "TestSupport"]),
        .testTarget(name: "RampartClusterAdmissionTests", dependencies: [
            "RampartClusterAdmission", "RampartCEL", "RampartLoading", "TestSupport",
        ]),
        .testTarget(name: "RampartPSSTests", dependencies: ["RampartPSS", "TestSupport"]),
        .testTarget(name: "RampartCELTests", dependencies: ["RampartCEL", "TestSupport"]),
        .testTarget(name: "RampartRBACTests", dependencies: ["RampartRBAC", "TestSupport"]),
        .testTarget(name: "RampartNetworkTests", dependencies: ["RampartNetwork", "TestSupport"]),
        .testTarget(name: "RampartControlPlaneTests", dependencies: ["RampartControlPlane", "RampartRules", "TestSupport"]),
        .testTarget(name: "RampartTenancyTests", dependencies: ["RampartTenancy", "RampartRules", "RampartReport", "RampartLoading", "TestSupport"]),
        .testTarget(name: "RampartRulesTests", dependencies: ["RampartRules", "RampartPSS", "RampartReport", "RampartTenancy", "TestSupport"]),
        .testTarget(name: "RampartExportTests", dependencies: [
            "RampartExport", "RampartClusterAdmission", "RampartAdmission", "RampartPSS", "RampartPolicy", "RampartRules",
            "RampartLoading", "RampartModel", "TestSupport",
        ]),
        .testTarget(name: "RampartPolicyTests", dependencies: ["RampartPolicy", "RampartRules", "RampartLoading", "TestSupport"]),
        .testTarget(name: "RampartReportTests", dependencies: ["RampartReport", "RampartPSS", "RampartRBAC", "RampartNetwork", "RampartPolicy", "RampartRules", "RampartLoading", "TestSupport"]),
        .testTarget(name: "RampartAdmissionTests", dependencies: [
            "RampartAdmission", "RampartLoading", "RampartPolicy", "RampartRules", "TestSupport",
        ]),
        .testTarget(name: "RampartServerTests", dependencies: [
            "RampartServer", "RampartAdmission", "RampartPolicy", "RampartRules", "TestSupport",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
        ]),
        .testTarget(name: "RampartKubeTests", dependencies: [
            "RampartKube", "RampartRules", "TestSupport",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTLS", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
