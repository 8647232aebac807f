// swift-tools-version:6.0
import PackageDescription

// The modules follow the data's path; each depends only on modules listed before it.
// docs/architecture.md says what each owns. This file is the one place that declares the cut.
// Release builds optimise across module boundaries, so the per-value kernels of one module
// (CSV parsing into Storage's column builders, Query's kernels over Storage's columns) are
// specialised and inlined as they were inside one module.
let optimizeAcrossModules: [SwiftSetting] = [
  .unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))
]

/// A library module of Trappe that may use `dependencies` (all of them listed before it).
func module(_ name: String, _ dependencies: [Target.Dependency], linkerSettings: [LinkerSetting] = []) -> Target {
  .target(name: name, dependencies: dependencies, swiftSettings: optimizeAcrossModules, linkerSettings: linkerSettings)
}

let package = Package(
  name: "Trappe",
  products: [
    .executable(name: "trappe", targets: ["trappe"]),
    .executable(name: "trappe-datagen", targets: ["trappe-datagen"]),
  ],
  targets: [
    // Processor hints Swift has no spelling for (cache prefetch), as inline C.
    .target(name: "CTrappeHints"),
    // Diagnostics, source ranges, interrupt flag, environment, number and text formatting, identifier quoting.
    module("TrappeBase", ["CTrappeHints"], linkerSettings: [.linkedLibrary("m")]),
    // Typed columns, tables, periods, values.
    module("TrappeStorage", ["TrappeBase"]),
    // CSV in, exports and box rendering out, the columnar cache file, atomic writes.
    module("TrappeIO", ["TrappeBase", "TrappeStorage"]),
    // The language: lexer, parser, binder, optimizer, executor, functions.
    module("TrappeQuery", ["TrappeBase", "TrappeStorage"]),
    // Measures and the evaluation analyses (bench, peers, gap, decompose, flow, survival), built as plans.
    module("TrappeAnalysis", ["TrappeBase", "TrappeStorage", "TrappeQuery"]),
    // Terminal charts.
    module("TrappeCharts", ["TrappeBase", "TrappeStorage", "TrappeIO", "TrappeQuery"]),
    // Dataset manifests and the registry that loads datasets on first use.
    module("TrappeDatasets", ["TrappeBase", "TrappeStorage", "TrappeIO"]),
    // External engines (DuckDB, Spark) through the bridge process: spawning it, the protocol, results as tables.
    module("TrappeEngines", ["TrappeBase", "TrappeStorage", "TrappeIO", "TrappeQuery"]),
    // The session: catalog, meta commands, scripts, records, presentations.
    module(
      "TrappeShell",
      [
        "TrappeBase", "TrappeStorage", "TrappeIO", "TrappeQuery", "TrappeAnalysis", "TrappeCharts", "TrappeDatasets",
        "TrappeEngines",
      ]),
    // The generator of the illustrative datasets (not linked into the shell); it chooses the forloeb
    // comparison municipalities with the analyses' own peer definition.
    module(
      "TrappeDatagen", ["TrappeBase", "TrappeStorage", "TrappeIO", "TrappeQuery", "TrappeAnalysis", "TrappeDatasets"]),
    .systemLibrary(
      name: "CLibEdit",
      pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"])]
    ),
    .target(name: "LineEditing", dependencies: ["CLibEdit", "TrappeBase"]),
    // Release builds link the Swift runtime into the shell: it then maps and touches 2.6 MiB
    // less at start (10.6 against 13.3 MiB resident) and starts in 5.9 ms instead of 8.7 ms.
    // The toolchain's lld packs the 24,000 relative relocations of the position-independent
    // binary (DT_RELR, glibc 2.36+): 5 KiB for the loader to read instead of 580 KiB, so
    // 0.55 MiB less resident at start, with address-space randomisation kept.
    .executableTarget(
      name: "trappe",
      dependencies: ["TrappeBase", "TrappeStorage", "TrappeIO", "TrappeDatasets", "TrappeShell", "LineEditing"],
      linkerSettings: [
        .unsafeFlags(
          ["-static-stdlib", "-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"],
          .when(configuration: .release))
      ]),
    .executableTarget(name: "trappe-datagen", dependencies: ["TrappeBase", "TrappeDatagen"]),
    // What both test targets share: a session with captured output, and the repository root.
    .target(
      name: "TrappeTestSupport", dependencies: ["TrappeBase", "TrappeDatasets", "TrappeShell"],
      path: "Tests/TrappeTestSupport"),
    .testTarget(
      name: "TrappeTests",
      dependencies: [
        "TrappeBase", "TrappeStorage", "TrappeIO", "TrappeQuery", "TrappeAnalysis", "TrappeCharts", "TrappeDatasets",
        "TrappeShell", "TrappeDatagen", "TrappeTestSupport", "TrappeEngines",
      ]),
    .testTarget(
      name: "GoldenTests",
      dependencies: [
        "TrappeBase", "TrappeStorage", "TrappeIO", "TrappeQuery", "TrappeAnalysis", "TrappeCharts", "TrappeDatasets",
        "TrappeShell", "TrappeTestSupport",
      ],
      exclude: ["Cases", "Fixtures"]
    ),
  ]
)

// Fuzz targets (Tests/Fuzz, docs/fuzzing.md): libFuzzer executables that exist only when
// TRAPPE_FUZZ=1, so the normal build never compiles them. Scripts/fuzz builds them in their own
// scratch path with `--sanitize=fuzzer --sanitize=address`; they call internal entry points
// through `@testable import` (the build passes -enable-testing).
if Context.environment["TRAPPE_FUZZ"] == "1" {
  package.targets.append(
    .target(
      name: "TrappeFuzzSupport", dependencies: ["TrappeBase", "TrappeStorage", "TrappeIO", "TrappeDatasets"],
      path: "Tests/Fuzz/Support"))
  for (name, dependencies) in [
    ("fuzz-csv", ["TrappeBase", "TrappeStorage", "TrappeIO"]),
    ("fuzz-cache", ["TrappeBase", "TrappeStorage", "TrappeIO"]),
    ("fuzz-query", ["TrappeBase", "TrappeStorage", "TrappeIO", "TrappeDatasets", "TrappeShell", "TrappeFuzzSupport"]),
    ("fuzz-script", ["TrappeBase", "TrappeStorage", "TrappeIO", "TrappeDatasets", "TrappeShell", "TrappeFuzzSupport"]),
  ] {
    package.targets.append(
      .executableTarget(
        name: name, dependencies: dependencies.map { .target(name: $0) }, path: "Tests/Fuzz/Targets/\(name)"))
    package.products.append(.executable(name: name, targets: [name]))
  }
}
