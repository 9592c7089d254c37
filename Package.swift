// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "tacoplan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tacoplan", targets: ["tacoplan"])
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        // Pure capacity and cost model: plan, units, traffic, admission, sizing, costing, findings.
        // No files, database, clock or printing; Yams only to decode plan text handed in as a string.
        // Optimised even in debug builds: the model runs thousands of times per `report` (the crowd sweep's
        // break points), 3.6–4.5× faster at -O (`report plans/traffic-tacos.yaml`, byte-identical output), which
        // halves the CPU `swift test` spends; `-enable-testing` keeps `@testable import TacoCore`.
        .target(
            name: "TacoCore", dependencies: [.product(name: "Yams", package: "Yams")],
            swiftSettings: [.unsafeFlags(["-O", "-enable-testing"], .when(configuration: .debug))]),
        // The bundled price book and reference benchmark, embedded as text so a copied binary still has them.
        .target(name: "TacoData"),
        // The system zlib (gzip bills), as a module for TacoStore.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        // The only module that knows GRDB: schema, migrations, price, benchmark and bill imports, queries.
        .target(
            name: "TacoStore", dependencies: ["TacoCore", "CZlib", .product(name: "GRDB", package: "GRDB.swift")]),
        // Downloads AWS Price List files over HTTP (Foundation URLSession) and hands them to the TacoStore importer.
        .target(name: "TacoFetch", dependencies: ["TacoCore", "TacoStore"]),
        // Core results → a stable Codable report model → terminal, JSON, Markdown, CSV, SVG.
        .target(name: "TacoReport", dependencies: ["TacoCore"]),
        // The application layer: one use case per command (plan loading, the evidence of a run — database, command
        // costs, calibration — the clock) returning the document to render or one `AppFailure` with its exit code.
        .target(name: "TacoApp", dependencies: ["TacoCore", "TacoStore", "TacoReport", "TacoData", "TacoFetch"]),
        // Thin CLI: parses options, calls a TacoApp use case, hands the result to a TacoReport renderer, exits.
        .executableTarget(
            name: "tacoplan",
            dependencies: [
                "TacoApp", "TacoReport", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks (not tests): price-list import throughput, search speed; each against a named baseline.
        .executableTarget(name: "tacoplan-bench", dependencies: ["TacoCore", "TacoStore", "TacoData"]),
        // What every test target shares: the minimal plan fixture, the one CLI runner, freePort, golden files.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "TacoCoreTests", dependencies: ["TacoCore", "TacoData", "TestSupport"]),
        .testTarget(name: "TacoStoreTests", dependencies: ["TacoStore", "TacoCore", "TacoData", "TestSupport"]),
        .testTarget(
            name: "TacoReportTests", dependencies: ["TacoReport", "TacoCore", "TacoApp", "TestSupport"],
            exclude: ["Golden"]),
        // Use cases called in-process: no subprocess, a scratch database, a fixed clock.
        .testTarget(name: "TacoAppTests", dependencies: ["TacoApp", "TacoCore", "TacoReport", "TestSupport"]),
        .testTarget(
            name: "EndToEndTests", dependencies: ["TacoCore", "TacoStore", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "TacoFetchTests", dependencies: ["TacoFetch", "TacoStore", "TacoCore", "TestSupport"]),
    ]
)
