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
        .target(name: "TacoCore", dependencies: [.product(name: "Yams", package: "Yams")]),
        // The bundled price book and reference benchmark, embedded as text so a copied binary still has them.
        .target(name: "TacoData"),
        // The only module that knows GRDB: schema, migrations, price and benchmark imports, queries.
        .target(name: "TacoStore", dependencies: ["TacoCore", .product(name: "GRDB", package: "GRDB.swift")]),
        // Downloads AWS Price List files over HTTP (Foundation URLSession) and hands them to the TacoStore importer.
        .target(name: "TacoFetch", dependencies: ["TacoCore", "TacoStore"]),
        // Core results → a stable Codable report model → terminal, JSON, Markdown, CSV, SVG.
        .target(name: "TacoReport", dependencies: ["TacoCore"]),
        // Thin CLI: reads files, calls the core and the store, renders, sets exit codes.
        .executableTarget(
            name: "tacoplan",
            dependencies: [
                "TacoCore", "TacoStore", "TacoReport", "TacoData", "TacoFetch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks (not tests): price-list import throughput, search speed; each against a named baseline.
        .executableTarget(name: "tacoplan-bench", dependencies: ["TacoCore", "TacoStore", "TacoData"]),
        .testTarget(name: "TacoCoreTests", dependencies: ["TacoCore", "TacoData"]),
        .testTarget(name: "TacoStoreTests", dependencies: ["TacoStore", "TacoCore", "TacoData"]),
        .testTarget(name: "TacoReportTests", dependencies: ["TacoReport", "TacoCore"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TacoCore", "TacoStore"]),
        .testTarget(name: "TacoFetchTests", dependencies: ["TacoFetch", "TacoStore", "TacoCore"]),
    ]
)
