// swift-tools-version: 6.1
import PackageDescription

/// The same upcoming features as the root package's targets.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

/// The root package's identity: SwiftPM names a path dependency after its directory, which is
/// whatever the clone is called.
let root = String(Context.packageDirectory.split(separator: "/").dropLast().last ?? "main")

/// privy-edge's micro-benchmarks (ordo-one/benchmark), a package of their own so that the root
/// package's `swift test` never builds the benchmark dependency. Run them with `make benchmarks`.
let package = Package(
    name: "privy-edge-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // The plugin finds benchmark targets by their folder's parent, which must be `Benchmarks`.
        .executableTarget(
            name: "PrivyEdgeBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "PrivyAPI", package: root),
                .product(name: "PrivyDomain", package: root),
                .product(name: "PrivyJSON", package: root),
                .product(name: "PrivyStore", package: root),
            ],
            path: "PrivyEdgeBenchmarks",
            swiftSettings: swiftSettings,
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    ],
    swiftLanguageModes: [.v6]
)
