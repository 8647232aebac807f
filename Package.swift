// swift-tools-version:6.0
import PackageDescription

// The modules follow the data's path; each depends only on modules listed before it.
// docs/architecture.md says what each owns. This file is the one place that declares the cut.
// Release builds optimise across module boundaries, so the per-value kernels of one module
// (CSV parsing into Storage's column builders, Query's kernels over Storage's columns) are
// specialised and inlined as they were inside one module.
let optimizeAcrossModules: [SwiftSetting] = [
  .unsafeFlags(["-cross-module-optimization", "-Xfrontend", "-function-sections"], .when(configuration: .release))
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
    // libedit's headers and library where the system keeps them (Debian's libedit-dev), found
    // without pkg-config, whose search path would come before the release shell's link folder.
    .systemLibrary(name: "CLibEdit"),
    .target(name: "LineEditing", dependencies: ["CLibEdit", "TrappeBase"]),
    // The release shell is linked to hold little memory: after loading the bench's two tables of
    // 1M rows (37.3 MiB of columns) it is resident in 44 MiB, start-up included (was 49.5), and
    // at start in 5.6 MiB (was 9.5). Linux maps a binary's code in 64 KiB windows at first touch.
    // - The Swift runtime is linked in: 2.6 MiB less at start than the shared libraries.
    // - lld packs the 24,000 relative relocations (DT_RELR, glibc 2.36+): 5 KiB for the loader
    //   to read instead of 580 KiB, with address-space randomisation kept.
    // - Every function has a section of its own, and lld places first, in that order, those that
    //   start-up, loading and the bench's queries run (link/hot-functions.order, written by
    //   Scripts/order-functions). Starting and loading two tables ran code in 95 windows, now in
    //   36, 20 of them the standard library's, whose code is one section.
    // - The C++ runtime, libedit and libgcc come from their archives (link/*.so are linker
    //   scripts, found first on the library path): six shared libraries fewer to map.
    // - It exports no symbols (nothing looks them up by name): the loader reads 12 KiB of
    //   symbol tables instead of 290 KiB.
    .executableTarget(
      name: "trappe",
      dependencies: ["TrappeBase", "TrappeStorage", "TrappeIO", "TrappeDatasets", "TrappeShell", "LineEditing"],
      exclude: ["link"],
      linkerSettings: [
        .unsafeFlags(
          [
            "-static-stdlib", "-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
            "-L", Context.packageDirectory + "/Sources/trappe/link",
            "-Xlinker", "--symbol-ordering-file=" + Context.packageDirectory + "/Sources/trappe/link/hot-functions.order",
            "-Xlinker", "--no-warn-symbol-ordering", "-Xlinker", "--no-export-dynamic",
            "-Xclang-linker", "-static-libgcc",
          ],
          .when(platforms: [.linux], configuration: .release))
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
