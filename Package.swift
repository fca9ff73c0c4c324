// swift-tools-version: 6.1
import PackageDescription

/// Upcoming features every target opts into, as Hummingbird itself does.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
    // Release builds specialise and inline across our own modules (generic LMDB reads, the JSON
    // writer, domain value types): measured on the orders route, see README "Performance".
    .unsafeFlags(["-cross-module-optimization"], .when(configuration: .release)),
]

let package = Package(
    name: "privy-edge",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "privy-edge", targets: ["PrivyEdge"]),
        // The stages Benchmarks/ (its own package, so `swift test` never builds the benchmark
        // dependency) measures.
        .library(name: "PrivyJSON", targets: ["PrivyJSON"]),
        .library(name: "PrivyDomain", targets: ["PrivyDomain"]),
        .library(name: "PrivyStore", targets: ["PrivyStore"]),
        .library(name: "PrivyAPI", targets: ["PrivyAPI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.0", traits: []),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.34.1"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.0"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.0"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift.git", from: "0.2.0"),
    ],
    targets: [
        // Stage 0: the C library, LMDB from Debian's liblmdb-dev. No pkg-config: its `-llmdb`
        // would link the shared library; the LMDB target links liblmdb.a by name instead.
        .systemLibrary(name: "CLMDB"),
        // A small, safe wrapper over LMDB: environments, transactions, cursors, the group-commit writer.
        .target(
            name: "LMDB",
            dependencies: ["CLMDB"],
            swiftSettings: swiftSettings,
            linkerSettings: [.linkedLibrary(":liblmdb.a")]
        ),
        // JSON parsing and writing without Foundation, exact numbers, strict input rules.
        .target(name: "PrivyJSON", swiftSettings: swiftSettings),
        // Stage 1: the domain model and the consent engine. Pure: no I/O.
        .target(name: "PrivyDomain", swiftSettings: swiftSettings),
        // Privy's JSON <-> domain values: request readers, the API's and the upstream's bodies.
        .target(name: "PrivyWire", dependencies: ["PrivyDomain", "PrivyJSON"], swiftSettings: swiftSettings),
        // Stage 2: the store: records, indexes and the change log in one LMDB transaction.
        .target(
            name: "PrivyStore",
            dependencies: [
                "LMDB",
                "PrivyDomain",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // Stage 3: the HTTP front, Privy's REST API on Hummingbird.
        .target(
            name: "PrivyAPI",
            dependencies: [
                "PrivyDomain",
                "PrivyJSON",
                "PrivyStore",
                "PrivyWire",
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: swiftSettings
        ),
        // Stage 4: the sync exporter, replicating the change log to the upstream Privy API.
        .target(
            name: "PrivySync",
            dependencies: [
                "PrivyDomain",
                "PrivyJSON",
                "PrivyStore",
                "PrivyWire",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // Beside the stages: the admin listener (health, readiness, Prometheus metrics, status page).
        .target(
            name: "PrivyAdmin",
            dependencies: [
                "PrivyDomain",
                "PrivyJSON",
                "PrivyStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // `privy-edge bench`: a closed-loop HTTP/1.1 load generator on SwiftNIO, with an embedded server.
        .target(
            name: "PrivyBench",
            dependencies: [
                "PrivyAPI",
                "PrivyJSON",
                "PrivyStore",
                .product(name: "Histogram", package: "hdrhistogram-swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // The appliance as a library: its settings and `buildApplication(settings:)`, which
        // assembles what `serve` runs; the command line and the tests build it the same way.
        .target(
            name: "PrivyEdgeApp",
            dependencies: [
                "PrivyAdmin",
                "PrivyAPI",
                "PrivyDomain",
                "PrivyJSON",
                "PrivyStore",
                "PrivySync",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // The appliance: one binary, `privy-edge`, with its command line.
        .executableTarget(
            name: "PrivyEdge",
            dependencies: [
                "PrivyAdmin",
                "PrivyAPI",
                "PrivyBench",
                "PrivyDomain",
                "PrivyEdgeApp",
                "PrivyJSON",
                "PrivyStore",
                "PrivySync",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "X509", package: "swift-certificates"),
            ],
            path: "Sources/privy-edge",
            swiftSettings: swiftSettings
        ),
        // Beside the product: the JSON-echo ceiling `make bench` measures privy-edge against.
        .executableTarget(
            name: "privy-echo",
            dependencies: [
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "LMDBTests", dependencies: ["LMDB"], swiftSettings: swiftSettings),
        .testTarget(name: "PrivyJSONTests", dependencies: ["PrivyJSON"], swiftSettings: swiftSettings),
        .testTarget(name: "PrivyDomainTests", dependencies: ["PrivyDomain"], swiftSettings: swiftSettings),
        .testTarget(name: "PrivyWireTests", dependencies: ["PrivyDomain", "PrivyJSON", "PrivyWire"], swiftSettings: swiftSettings),
        .testTarget(name: "PrivyBenchTests", dependencies: ["PrivyBench", "PrivyDomain", "PrivyJSON", "PrivyStore"], swiftSettings: swiftSettings),
        .testTarget(name: "PrivySyncTests", dependencies: ["PrivyDomain", "PrivyJSON", "PrivyStore", "PrivySync"], swiftSettings: swiftSettings),
        .testTarget(
            name: "PrivyEdgeTests",
            dependencies: [
                "LMDB",
                "PrivyAdmin",
                "PrivyAPI",
                "PrivyDomain",
                "PrivyEdge",
                "PrivyEdgeApp",
                "PrivyJSON",
                "PrivyStore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
