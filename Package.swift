// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Rampart",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "rampart", targets: ["rampart"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
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
        // The rule catalog and the audit over an inventory.
        .target(name: "RampartRules", dependencies: ["RampartModel", "RampartPSS", "RampartRBAC", "RampartNetwork"]),
        // Configuration, exceptions, baselines: what a platform team decides about findings.
        .target(name: "RampartPolicy", dependencies: ["RampartModel", "RampartLoading", "RampartRules"]),
        // Renderers: text, JSON, SARIF, JUnit.
        .target(name: "RampartReport", dependencies: ["RampartModel", "RampartRules", "RampartPolicy"]),
        // Adapter: the command line (file system, stdin, exit codes).
        .executableTarget(name: "rampart", dependencies: [
            "RampartModel", "RampartLoading", "RampartPSS", "RampartRBAC", "RampartNetwork",
            "RampartRules", "RampartPolicy", "RampartReport",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Benchmarks: a generator of synthetic multi-tenant clusters and the libyaml floor.
        .executableTarget(name: "rampart-bench", dependencies: ["RampartLoading", .product(name: "Yams", package: "Yams")], path: "bench/Sources/rampart-bench"),

        .target(name: "TestSupport", dependencies: ["RampartModel", "RampartLoading"], path: "Tests/TestSupport"),
        .testTarget(name: "RampartModelTests", dependencies: ["RampartModel", "TestSupport"]),
        .testTarget(name: "RampartLoadingTests", dependencies: ["RampartLoading", "TestSupport"]),
        .testTarget(name: "RampartPSSTests", dependencies: ["RampartPSS", "TestSupport"]),
        .testTarget(name: "RampartRBACTests", dependencies: ["RampartRBAC", "TestSupport"]),
        .testTarget(name: "RampartNetworkTests", dependencies: ["RampartNetwork", "TestSupport"]),
        .testTarget(name: "RampartRulesTests", dependencies: ["RampartRules", "TestSupport"]),
        .testTarget(name: "RampartPolicyTests", dependencies: ["RampartPolicy", "RampartRules", "TestSupport"]),
        .testTarget(name: "RampartReportTests", dependencies: ["RampartReport", "RampartPolicy", "RampartRules", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
