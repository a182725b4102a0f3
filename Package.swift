// swift-tools-version:6.0
//
// Kickoff — plans a company's sales kickoff with an integer program solved by GLPK.
// Copyright (C) 2026 the Kickoff authors. GPL-3.0-or-later (see LICENSE).
//
// Data flows down the target list: scenario files → data model → (mathematical model →
// solver backend →) plan → reports, with a thin command-line tool on top.

import PackageDescription

let package = Package(
    name: "kickoff",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kickoff", targets: ["kickoff"]),
        .library(name: "KickoffCore", targets: ["KickoffCore"]),
        .library(name: "KickoffIO", targets: ["KickoffIO"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        // GLPK's C API. Debian ships no glpk.pc, so the module map links it by name.
        .systemLibrary(
            name: "CGLPK",
            providers: [.apt(["libglpk-dev"])]
        ),
        // Value types, audience rules, derived facts and validation. No file I/O.
        .target(name: "KickoffCore"),
        // CSV reading with file/line/column tracking and the scenario folder loader.
        .target(name: "KickoffIO", dependencies: ["KickoffCore", "CSystem"]),
        // C shims for system calls Swift cannot see (syncfs needs _GNU_SOURCE).
        .target(name: "CSystem"),
        // What a person reads: the validate summary and the plan folder (CSV, JSON, ICS, HTML).
        .target(name: "KickoffReport", dependencies: ["KickoffCore", "KickoffIO", "KickoffModel", "Airports"]),
        // Solver-neutral integer programs: variables, named constraints, terminations, `protocol MIPSolver`.
        .target(name: "MIP"),
        // The only module that imports CGLPK.
        .target(name: "GLPKBackend", dependencies: ["MIP", "CGLPK"]),
        // The bundled OpenFlights airport table (ODbL): codes, coordinates and IANA time zones.
        .target(name: "Airports", dependencies: ["KickoffCore", "KickoffIO"]),
        // The integer program built from the data, the construction heuristic, the plan and its checker.
        .target(name: "KickoffModel", dependencies: ["KickoffCore", "MIP"]),
        // Deterministic scenario generator built on a bundled OpenFlights subset.
        .target(name: "KickoffGenerate", dependencies: ["KickoffCore", "KickoffIO", "Airports"]),
        // The command-line tool: argument parsing, printing and exit codes only.
        .executableTarget(
            name: "kickoff",
            dependencies: [
                "KickoffCore", "KickoffIO", "KickoffModel", "KickoffReport", "KickoffGenerate", "GLPKBackend", "Airports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The benchmark harness (release build, not a test): `swift run -c release kickoff-bench`.
        .executableTarget(
            name: "kickoff-bench",
            dependencies: ["KickoffCore", "KickoffIO", "KickoffModel", "KickoffReport", "KickoffGenerate", "GLPKBackend", "MIP", "Airports"],
            path: "Benchmarks/kickoff-bench"
        ),
        // In-memory fixtures shared by the test targets (not shipped in a product).
        .target(name: "KickoffTestSupport", dependencies: ["KickoffCore", "KickoffIO"]),
        // The scenario fuzzer: a short seeded run in the tests, the long run with `kickoff-fuzz`.
        .target(name: "KickoffFuzz", dependencies: ["KickoffCore", "KickoffIO", "KickoffModel"]),
        .executableTarget(name: "kickoff-fuzz", dependencies: ["KickoffFuzz"], path: "Fuzz/kickoff-fuzz"),
        .testTarget(name: "KickoffFuzzTests", dependencies: ["KickoffFuzz", "KickoffTestSupport"]),
        .testTarget(name: "KickoffCoreTests", dependencies: ["KickoffCore", "KickoffTestSupport"]),
        .testTarget(name: "KickoffIOTests", dependencies: ["KickoffIO", "KickoffTestSupport"]),
        .testTarget(name: "KickoffReportTests", dependencies: ["KickoffReport", "Airports", "KickoffModel", "KickoffIO", "KickoffGenerate", "GLPKBackend", "MIP", "KickoffTestSupport"],
                    exclude: ["Golden"]),
        .testTarget(name: "KickoffGenerateTests", dependencies: ["KickoffGenerate", "Airports", "KickoffTestSupport"]),
        .testTarget(name: "KickoffModelTests", dependencies: ["KickoffModel", "GLPKBackend", "MIP", "KickoffGenerate", "KickoffTestSupport"]),
        .testTarget(name: "GLPKBackendTests", dependencies: ["GLPKBackend", "MIP"]),
        // End-to-end runs of the built binary; depending on it makes `swift test` build it.
        .testTarget(name: "KickoffCLITests", dependencies: ["kickoff", "KickoffTestSupport"], exclude: ["Help"]),
    ]
)
