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
    // Diagnostics, source ranges, interrupt flag, environment, number and text formatting, identifier quoting.
    module("TrappeBase", [], linkerSettings: [.linkedLibrary("m")]),
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
    // The session: catalog, meta commands, scripts, records, presentations.
    module(
      "TrappeShell",
      [
        "TrappeBase", "TrappeStorage", "TrappeIO", "TrappeQuery", "TrappeAnalysis", "TrappeCharts", "TrappeDatasets",
      ]),
    // The generator of the illustrative datasets (not linked into the shell).
    module("TrappeDatagen", ["TrappeBase", "TrappeStorage", "TrappeIO", "TrappeDatasets"]),
    .systemLibrary(
      name: "CLibEdit",
      pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"])]
    ),
    .target(name: "LineEditing", dependencies: ["CLibEdit"]),
    .executableTarget(
      name: "trappe",
      dependencies: ["TrappeBase", "TrappeStorage", "TrappeIO", "TrappeDatasets", "TrappeShell", "LineEditing"]),
    .executableTarget(name: "trappe-datagen", dependencies: ["TrappeBase", "TrappeDatagen"]),
    // What both test targets share: a session with captured output, and the repository root.
    .target(
      name: "TrappeTestSupport", dependencies: ["TrappeBase", "TrappeDatasets", "TrappeShell"],
      path: "Tests/TrappeTestSupport"),
    .testTarget(
      name: "TrappeTests",
      dependencies: [
        "TrappeBase", "TrappeStorage", "TrappeIO", "TrappeQuery", "TrappeAnalysis", "TrappeCharts", "TrappeDatasets",
        "TrappeShell", "TrappeDatagen", "TrappeTestSupport",
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
