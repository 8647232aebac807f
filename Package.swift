// swift-tools-version:6.0
import PackageDescription

// The modules follow the data's path; each depends only on modules listed before it.
// docs/architecture.md says what each owns. This file is the one place that declares the cut.
// Release builds optimise across module boundaries, so the per-value kernels of one module
// (CSV parsing into Storage's column builders, Query's kernels over Storage's columns) are
// specialised and inlined as they were inside one module.
let optimizeAcrossModules: [SwiftSetting] = [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]

let package = Package(
  name: "Trappe",
  products: [
    .executable(name: "trappe", targets: ["trappe"]),
    .executable(name: "trappe-datagen", targets: ["trappe-datagen"]),
  ],
  targets: [
    // Diagnostics, source ranges, interrupt flag, environment, number and text formatting, identifier quoting.
    .target(name: "TrappeBase", swiftSettings: optimizeAcrossModules, linkerSettings: [.linkedLibrary("m")]),
    // Typed columns, tables, periods, values.
    .target(name: "TrappeStorage", dependencies: ["TrappeBase"], swiftSettings: optimizeAcrossModules),
    // CSV in, exports and box rendering out, the columnar cache file, atomic writes.
    .target(name: "TrappeIO", dependencies: ["TrappeBase", "TrappeStorage"], swiftSettings: optimizeAcrossModules),
    // The language: lexer, parser, binder, optimizer, executor, functions.
    .target(name: "TrappeQuery", dependencies: ["TrappeBase", "TrappeStorage"], swiftSettings: optimizeAcrossModules),
    // Measures and the evaluation analyses (bench, peers, gap, decompose, flow, survival), built as plans.
    .target(name: "TrappeAnalysis", dependencies: ["TrappeBase", "TrappeStorage", "TrappeQuery"], swiftSettings: optimizeAcrossModules),
    // Terminal charts.
    .target(name: "TrappeCharts", dependencies: ["TrappeBase", "TrappeStorage", "TrappeIO", "TrappeQuery"], swiftSettings: optimizeAcrossModules),
    // Dataset manifests and the registry that loads datasets on first use.
    .target(name: "TrappeDatasets", dependencies: ["TrappeBase", "TrappeStorage", "TrappeIO"], swiftSettings: optimizeAcrossModules),
    // The session: catalog, meta commands, scripts, records, presentations.
    .target(
      name: "TrappeShell",
      dependencies: [
        "TrappeBase", "TrappeStorage", "TrappeIO", "TrappeQuery", "TrappeAnalysis", "TrappeCharts", "TrappeDatasets",
      ],
      swiftSettings: optimizeAcrossModules),
    // The generator of the illustrative datasets (not linked into the shell).
    .target(name: "TrappeDatagen", dependencies: ["TrappeBase", "TrappeStorage", "TrappeIO", "TrappeDatasets"], swiftSettings: optimizeAcrossModules),
    .systemLibrary(
      name: "CLibEdit",
      pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"])]
    ),
    .target(name: "LineEditing", dependencies: ["CLibEdit"]),
    .executableTarget(
      name: "trappe", dependencies: ["TrappeBase", "TrappeStorage", "TrappeIO", "TrappeDatasets", "TrappeShell", "LineEditing"]),
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
