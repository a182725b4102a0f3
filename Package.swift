// swift-tools-version:6.0
//
// Kickoff — plans a company's sales kickoff with an integer program solved by GLPK.
// Copyright (C) 2026 the Kickoff authors. GPL-3.0-or-later (see LICENSE).
//
// Data flows down the target list: scenario files → data model → (mathematical model →
// solver backend →) plan → reports, with a thin command-line tool on top; then the harnesses,
// the test support and the tests in the same order. Every module a target imports is declared
// (`swift build --explicit-target-dependency-import-check error` passes).

import PackageDescription

let package = Package(
    name: "kickoff",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kickoff", targets: ["kickoff"]),
        .library(name: "KickoffCore", targets: ["KickoffCore"]),
        .library(name: "KickoffIO", targets: ["KickoffIO"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        // compare's child processes.
        .package(url: "https://github.com/swiftlang/swift-subprocess", exact: "1.0.2"),
        .package(url: "https://github.com/apple/swift-system", exact: "1.8.1"),
        // Tests only: golden files with line diffs, and readable diffs of values.
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", exact: "1.19.7"),
        .package(url: "https://github.com/pointfreeco/swift-custom-dump", exact: "1.7.3")
    ],
    targets: [
        // Scenario files → data model.
        // Value types, audience rules, derived facts and validation. No file I/O.
        .target(name: "KickoffCore"),
        // C shims for system calls Swift cannot see (syncfs needs _GNU_SOURCE).
        .target(name: "CKickoffSystem"),
        // CSV reading with file/line/column tracking and the scenario folder loader.
        .target(name: "KickoffIO", dependencies: ["KickoffCore", "CKickoffSystem"]),
        // The bundled OpenFlights airport table (ODbL): codes, coordinates and IANA time zones.
        .target(name: "Airports", dependencies: ["KickoffCore", "KickoffIO"]),
        // Deterministic scenario generator built on a bundled OpenFlights subset.
        .target(name: "KickoffGenerate", dependencies: ["KickoffCore", "KickoffIO", "Airports"]),

        // Mathematical model → solver backend.
        // Solver-neutral integer programs: variables, tagged constraints, terminations, `protocol MIPSolver`.
        .target(name: "MIP"),
        // GLPK's C API. Debian ships no glpk.pc, so the module map links it by name.
        .systemLibrary(
            name: "CGLPK",
            providers: [.apt(["libglpk-dev"])]
        ),
        // The only module that imports CGLPK.
        .target(name: "GLPKBackend", dependencies: ["MIP", "CGLPK"]),

        // → plan.
        // The plan and what is derived from it without any MIP: the planning instance, the
        // independent plan checker, pre-checks, agenda health, baseline matching and changes,
        // follow-ups and transfers. It cannot see the formulation: the compiler keeps the checker
        // independent of what it checks.
        .target(name: "KickoffPlan", dependencies: ["KickoffCore"]),
        // The planner: the integer program built from the data (Formulation), the construction
        // heuristic and agenda repair search, Planner and Explainer.
        .target(name: "KickoffPlanner", dependencies: ["KickoffCore", "KickoffPlan", "MIP"]),

        // → reports.
        // What a person reads: the validate summary and the plan folder (CSV, JSON, ICS, HTML).
        .target(name: "KickoffReport", dependencies: ["KickoffCore", "KickoffIO", "KickoffPlan", "KickoffPlanner", "Airports"]),

        // The command-line tool on top: argument parsing, printing and exit codes only.
        .executableTarget(
            name: "kickoff",
            dependencies: [
                "KickoffCore", "KickoffIO", "KickoffPlan", "KickoffPlanner", "KickoffReport", "KickoffGenerate", "GLPKBackend", "MIP", "Airports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system")
            ]
        ),
        // The benchmark harness (release build, not a test): `swift run -c release kickoff-bench`.
        .executableTarget(
            name: "kickoff-bench",
            dependencies: ["KickoffCore", "KickoffIO", "KickoffPlan", "KickoffPlanner", "KickoffReport", "KickoffGenerate", "GLPKBackend", "MIP", "Airports"],
            path: "Benchmarks/kickoff-bench"
        ),
        // The scenario fuzzer: a short seeded run in the tests, the long run with `kickoff-fuzz`.
        .target(name: "KickoffFuzz", dependencies: ["KickoffCore", "KickoffIO", "KickoffPlan", "KickoffPlanner"]),
        .executableTarget(name: "kickoff-fuzz", dependencies: ["KickoffFuzz"], path: "Fuzz/kickoff-fuzz"),

        // Test support (not shipped in a product): in-memory fixtures, and the solver conformance kit.
        .target(
            name: "KickoffTestSupport", dependencies: ["KickoffCore", "KickoffIO", .product(name: "SnapshotTesting", package: "swift-snapshot-testing")],
            path: "Tests/KickoffTestSupport"),
        .target(name: "MIPConformance", dependencies: ["MIP"], path: "Tests/MIPConformance"),
        // The one way the tests plan: GLPK behind the decomposition, as `kickoff solve` does.
        .target(
            name: "PlannerTestSupport", dependencies: ["KickoffCore", "KickoffPlan", "KickoffPlanner", "GLPKBackend", "MIP", "KickoffTestSupport"],
            path: "Tests/PlannerTestSupport"),

        // Tests, in the same order.
        .testTarget(name: "KickoffCoreTests", dependencies: ["KickoffCore", "KickoffTestSupport"]),
        .testTarget(name: "KickoffIOTests", dependencies: ["KickoffIO", "KickoffCore", "KickoffTestSupport"]),
        .testTarget(name: "KickoffGenerateTests", dependencies: ["KickoffGenerate", "KickoffCore", "KickoffIO", "Airports", "KickoffTestSupport"]),
        // MIP needs no GLPK: the kit runs against the brute-force reference and the decomposition over it.
        .testTarget(name: "MIPTests", dependencies: ["MIP", "MIPConformance"]),
        .testTarget(name: "GLPKBackendTests", dependencies: ["GLPKBackend", "CGLPK", "MIP", "MIPConformance"]),
        .testTarget(
            name: "KickoffPlannerTests",
            dependencies: ["KickoffPlan", "KickoffPlanner", "KickoffReport", "KickoffCore", "KickoffIO", "GLPKBackend", "MIP", "KickoffGenerate", "KickoffTestSupport", "PlannerTestSupport"]),
        .testTarget(
            name: "KickoffReportTests",
            dependencies: [
                "KickoffReport", "Airports", "KickoffPlan", "KickoffPlanner", "KickoffCore", "KickoffIO", "KickoffGenerate", "GLPKBackend", "MIP", "KickoffTestSupport", "PlannerTestSupport",
                .product(name: "CustomDump", package: "swift-custom-dump")
            ],
            exclude: ["Golden"]),
        .testTarget(name: "KickoffFuzzTests", dependencies: ["KickoffFuzz", "KickoffCore", "KickoffIO", "KickoffTestSupport"]),
        // End-to-end runs of the built binary; depending on it makes `swift test` build it.
        .testTarget(name: "KickoffCLITests", dependencies: ["kickoff", "KickoffCore", "KickoffTestSupport"], exclude: ["Help"])
    ]
)
